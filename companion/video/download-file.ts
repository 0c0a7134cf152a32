import { constants, ftruncateSync } from "node:fs";
import { type FileHandle, mkdir, open, rename } from "node:fs/promises";
import { dirname } from "node:path";
import { type Dispatcher, request } from "undici";
import type { Politeness } from "../collectors/politeness/politeness.ts";
import { RetryableError, retryableStatus, withRetries } from "../collectors/politeness/with-retries.ts";
import { parseContentRange } from "./content-range.ts";
import { headerValue } from "./dispatcher.ts";
import { fsyncFile, fsyncFolderOf, sha256File } from "./durable-file.ts";

/** The server refused the file (403, 404, 410...): retrying the same URL will not help. */
export class MediaUnavailableError extends Error {
  constructor(
    readonly status: number,
    message: string,
  ) {
    super(message);
    this.name = "MediaUnavailableError";
  }
}

export interface DownloadFileOptions {
  url: string;
  /** Final path; bytes go to `part` until verified. */
  destination: string;
  /** Default `<destination>.part`. */
  part?: string;
  headers: Record<string, string>;
  dispatcher: Dispatcher;
  politeness: Politeness;
  /** Names the file in errors, e.g. "video 7301234567890123456". */
  label: string;
  signal?: AbortSignal;
}

export interface DownloadedFile {
  path: string;
  size: number;
  sha256: string;
  /** Where each Range request started: resumptions after a cut connection or an interrupted run. */
  rangeStarts: number[];
}

const contentLength = (headers: Record<string, string | string[] | undefined>): number | null => {
  const value = headerValue(headers, "content-length");
  return value !== undefined && /^\d+$/u.test(value) ? Number(value) : null;
};

/**
 * Writes each chunk at its place as it arrives. The file is opened before the request: any await between the
 * response and the first read would let a dropped connection discard bytes already received.
 */
const writeBody = async (body: AsyncIterable<Buffer>, handle: FileHandle, from: number): Promise<void> => {
  let position = from;
  for await (const chunk of body) {
    await handle.write(chunk, 0, chunk.length, position);
    position += chunk.length;
  }
};

/** One request: continues the .part file from where it ends and returns its size once complete. */
const fetchOnce = async (
  options: DownloadFileOptions,
  part: string,
  rangeStarts: number[],
): Promise<number> => {
  const { url, label, signal } = options;
  // The path was checked inside the data folder; O_NOFOLLOW keeps a link swapped in since from redirecting it.
  const handle = await open(part, constants.O_RDWR | constants.O_CREAT | (constants.O_NOFOLLOW ?? 0));
  try {
    const offset = (await handle.stat()).size;
    if (offset > 0) rangeStarts.push(offset);
    let response: Dispatcher.ResponseData;
    try {
      response = await request(url, {
        dispatcher: options.dispatcher,
        headers: { ...options.headers, ...(offset > 0 ? { range: `bytes=${offset}-` } : {}) },
        signal,
      });
    } catch (error) {
      if (signal?.aborted) throw error;
      throw new RetryableError("network", (error as Error).message);
    }
    const { statusCode, headers, body } = response;
    const range = parseContentRange(headerValue(headers, "content-range"));
    let from = 0;
    let total = contentLength(headers);
    if (statusCode === 206 && range?.kind === "range" && range.start === offset) {
      from = offset;
      total = range.total;
    } else if (statusCode === 200) {
      // The whole file (the server ignored Range) replaces whatever the .part held; synchronous so that
      // reading the body starts without delay.
      ftruncateSync(handle.fd, 0);
    } else {
      await body.dump();
      // A run killed after the last byte but before the rename left a complete .part.
      if (statusCode === 416 && range?.kind === "unsatisfied" && range.total === offset) return offset;
      throw await refusal(statusCode, headers, handle, label);
    }
    try {
      await writeBody(body, handle, from);
    } catch (error) {
      if (signal?.aborted) throw error;
      const got = (await handle.stat()).size;
      throw new RetryableError("network", `connection cut after ${got} of ${total ?? "?"} bytes`);
    }
    const size = (await handle.stat()).size;
    if (total !== null && size !== total) {
      if (size > total) await handle.truncate(0);
      throw new RetryableError("network", `received ${size} of ${total} bytes`);
    }
    return size;
  } finally {
    await handle.close();
  }
};

/** Why a response other than 200 or a matching 206 was refused, as the error to throw. */
const refusal = async (
  statusCode: number,
  headers: Record<string, string | string[] | undefined>,
  handle: FileHandle,
  label: string,
): Promise<Error> => {
  if (statusCode === 206 || statusCode === 416) {
    await handle.truncate(0);
    return new RetryableError("bad-response", "the partial file does not match the server's; restarting");
  }
  const retryable = retryableStatus(statusCode, headerValue(headers, "retry-after"));
  return (
    retryable ?? new MediaUnavailableError(statusCode, `${label}: the server answered HTTP ${statusCode}`)
  );
};

/**
 * Downloads like a careful browser: into a .part file, resuming with Range from whatever an earlier
 * attempt or run left there, verifying the size the server announced, syncing to disk and only then renaming.
 * So `destination` either does not exist or is complete, whatever happens to the process.
 */
export const downloadFile = async (options: DownloadFileOptions): Promise<DownloadedFile> => {
  const part = options.part ?? `${options.destination}.part`;
  await mkdir(dirname(options.destination), { recursive: true });
  const rangeStarts: number[] = [];
  const size = await withRetries(() => fetchOnce(options, part, rangeStarts), {
    politeness: options.politeness,
    label: options.label,
    signal: options.signal,
  });
  await fsyncFile(part);
  const sha256 = await sha256File(part);
  await rename(part, options.destination);
  await fsyncFolderOf(options.destination);
  return { path: options.destination, size, sha256, rangeStarts };
};
