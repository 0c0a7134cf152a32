import { once } from "node:events";
import { createWriteStream } from "node:fs";
import { mkdir, rename, rm } from "node:fs/promises";
import { basename, dirname, join } from "node:path";
import { Readable } from "node:stream";
import { pipeline } from "node:stream/promises";
import { UserError } from "./user-error.ts";

type Chunks = Iterable<string | Buffer> | AsyncIterable<string | Buffer>;

const isFileSystemError = (error: unknown): error is NodeJS.ErrnoException =>
  typeof (error as NodeJS.ErrnoException | null)?.syscall === "string";

const REASONS: Record<string, string> = {
  EACCES: "permission denied",
  EPERM: "permission denied",
  EEXIST: "a file stands where its folder should be",
  ENOTDIR: "a file stands where its folder should be",
  ENOENT: "its folder cannot be created",
  ENOSPC: "the disk is full",
  EROFS: "the file system is read-only",
  EISDIR: "it is a folder",
};

const reason = (error: NodeJS.ErrnoException): string => {
  const code = error.code ?? "";
  return REASONS[code] ? `${REASONS[code]} (${code})` : error.message;
};

/** Writes chunks to a stream such as stdout, waiting whenever it asks to. */
export const writeChunks = async (stream: NodeJS.WritableStream, chunks: Chunks): Promise<void> => {
  for await (const chunk of chunks) if (!stream.write(chunk)) await once(stream, "drain");
};

/**
 * Writes a file through a temporary file beside it and a rename, so an interrupted or failed write never
 * leaves a truncated file in place of the old one. Parent folders are created. The temporary name is new
 * each time and created exclusively: it never follows a link or clobbers a file someone left there.
 */
export const writeFileAtomically = async (file: string, chunks: Chunks): Promise<void> => {
  // Loaded here rather than with the module: compiling node:crypto costs every command that prints ~5 ms.
  const { randomBytes } = await import("node:crypto");
  const part = join(dirname(file), `.${basename(file)}.${randomBytes(4).toString("hex")}.part`);
  try {
    await mkdir(dirname(file), { recursive: true });
    await pipeline(Readable.from(chunks), createWriteStream(part, { flags: "wx" }));
    await rename(part, file);
  } catch (error) {
    await rm(part, { force: true }).catch(() => {});
    if (isFileSystemError(error)) throw new UserError(`Cannot write ${file}: ${reason(error)}`);
    throw error;
  }
};
