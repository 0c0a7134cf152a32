import { accessSync, constants, existsSync, mkdirSync, statSync } from "node:fs";
import { dirname, resolve } from "node:path";
import { databasePath } from "../store/paths.ts";
import type { CompanionStore } from "../store/post-store.ts";
import { type OpenOptions, openSqliteStore } from "../store/sqlite-store.ts";
import { UserError } from "./user-error.ts";

const isWritable = (path: string): boolean => {
  try {
    accessSync(path, constants.W_OK);
    return true;
  } catch {
    return false;
  }
};

const ensureFolder = (dir: string, mode: "read" | "write"): void => {
  if (existsSync(dir)) {
    if (!statSync(dir).isDirectory()) throw new UserError(`The data folder ${dir} is not a folder`);
    return;
  }
  if (mode === "read")
    throw new UserError(
      `The data folder ${dir} does not exist (import or collect posts first, or pass --data-dir)`,
    );
  if (!existsSync(dirname(dir)))
    throw new UserError(`Cannot create the data folder ${dir}: its parent folder does not exist`);
  try {
    mkdirSync(dir);
  } catch (error) {
    throw new UserError(`Cannot create the data folder ${dir}: ${(error as Error).message}`);
  }
};

/**
 * Opens the store for a command. "read" needs an existing data folder and database; "write" creates the folder
 * when its parent exists. Every problem becomes a one-line UserError naming the folder.
 */
export const openStoreForCli = (
  dataDir: string,
  mode: "read" | "write",
  options: OpenOptions = {},
): CompanionStore => {
  const dir = resolve(dataDir);
  ensureFolder(dir, mode);
  if (mode === "write" && !isWritable(dir))
    throw new UserError(`Cannot write to the data folder ${dir}: permission denied`);
  if (mode === "read" && !existsSync(databasePath(dir)))
    throw new UserError(`The data folder ${dir} has no database yet (import or collect posts first)`);
  try {
    return openSqliteStore(dir, options);
  } catch (error) {
    throw new UserError(`Cannot open the database ${databasePath(dir)}: ${(error as Error).message}`);
  }
};
