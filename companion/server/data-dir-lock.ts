import { readFileSync, rmSync, writeFileSync } from "node:fs";
import { join } from "node:path";

export const LOCK_FILE = "companion.lock";

/** Another live companion holds the data folder. */
export class DataDirLocked extends Error {
  constructor(
    readonly pid: number,
    dataDir: string,
  ) {
    super(`Another companion (pid ${pid}) is already serving the data folder ${dataDir}; stop it first`);
  }
}

const isAlive = (pid: number): boolean => {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    // EPERM: it exists but belongs to someone else.
    return (error as NodeJS.ErrnoException).code === "EPERM";
  }
};

const readPid = (path: string): number | null => {
  try {
    const pid = Number(readFileSync(path, "utf8").trim());
    return Number.isSafeInteger(pid) && pid > 0 ? pid : null;
  } catch {
    return null;
  }
};

/**
 * Claims <dataDir>/companion.lock with this process's pid (created exclusively, so two starting at once cannot
 * both win). A lock left by a process that no longer runs (kill -9, a crash) is stale and taken over. Returns the
 * release function, which removes the file only while it is still ours.
 */
export const lockDataDir = (dataDir: string): (() => void) => {
  const path = join(dataDir, LOCK_FILE);
  for (let attempt = 0; ; attempt++) {
    try {
      writeFileSync(path, `${process.pid}\n`, { flag: "wx", mode: 0o600 });
      return () => {
        if (readPid(path) === process.pid) rmSync(path, { force: true });
      };
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== "EEXIST" || attempt > 0) throw error;
      const holder = readPid(path);
      if (holder !== null && holder !== process.pid && isAlive(holder))
        throw new DataDirLocked(holder, dataDir);
      rmSync(path, { force: true });
    }
  }
};
