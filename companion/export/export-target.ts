import type { Stats } from "node:fs";
import { stat } from "node:fs/promises";
import { resolve } from "node:path";
import { UserError } from "../cli/user-error.ts";
import { databasePath, realLocation, STORE_FILE_SUFFIXES } from "../store/paths.ts";

export interface ExportTargetOptions {
  /** The data folder whose store files must never be written over. */
  dataDir: string;
  /** Replace an existing regular file. */
  force: boolean;
}

const statOrNull = async (path: string): Promise<Stats | null> => {
  try {
    return await stat(path);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === "ENOENT" || code === "ENOTDIR") return null;
    throw error;
  }
};

const kindOf = (info: Stats): string => {
  if (info.isDirectory()) return "a folder";
  if (info.isCharacterDevice() || info.isBlockDevice()) return "a device";
  if (info.isFIFO()) return "a named pipe";
  if (info.isSocket()) return "a socket";
  return "not a regular file";
};

/**
 * Checks where `export --out` may write, before anything is opened: never over the store's own files (by any
 * spelling, through links, or as another name of the same file), never over anything but a regular file, and
 * over an existing file only with --force. Returns the real path to write, so a link to a file stays a link.
 */
export const checkExportTarget = async (out: string, options: ExportTargetOptions): Promise<string> => {
  const refuse = (why: string) => new UserError(`Refusing to write the export to ${out}: ${why}`);
  const target = await realLocation(resolve(out));
  if (target === null) throw refuse("it is a symbolic link to nowhere");
  const storeFiles = STORE_FILE_SUFFIXES.map((suffix) => `${databasePath(options.dataDir)}${suffix}`);
  const realStoreFiles = await Promise.all(storeFiles.map((file) => realLocation(file)));
  if (realStoreFiles.includes(target))
    throw refuse("it is the database's own file, writing it would destroy it");
  const info = await statOrNull(target);
  if (info === null) return target;
  if (!info.isFile()) throw refuse(`it is ${kindOf(info)}, not a regular file`);
  for (const file of storeFiles) {
    const other = await statOrNull(file);
    if (other && other.dev === info.dev && other.ino === info.ino)
      throw refuse("it is the database's own file (another name for it), writing it would destroy it");
  }
  if (!options.force) throw refuse("it already exists (add --force to replace it)");
  return target;
};
