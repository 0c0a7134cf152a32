import { spawnSync } from "node:child_process";
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { DataDirLocked, LOCK_FILE, lockDataDir } from "./data-dir-lock.ts";

const folders: string[] = [];
afterEach(() => {
  for (const dir of folders.splice(0)) rmSync(dir, { recursive: true, force: true });
});
const tempDir = () => {
  const dir = mkdtempSync(join(tmpdir(), "tha-lock-"));
  folders.push(dir);
  return dir;
};

/** The pid of a process that has already ended. */
const deadPid = (): number =>
  Number(spawnSync(process.execPath, ["-e", "process.stdout.write(String(process.pid))"]).stdout.toString());

describe("the data folder lock", () => {
  it("holds this pid until released", () => {
    const dir = tempDir();
    const release = lockDataDir(dir);
    expect(readFileSync(join(dir, LOCK_FILE), "utf8")).toBe(`${process.pid}\n`);
    release();
    expect(existsSync(join(dir, LOCK_FILE))).toBe(false);
  });

  it("refuses while a live process holds it, naming its pid", () => {
    const dir = tempDir();
    // pid 1 always runs; kill(1, 0) answers EPERM or success, both alive.
    writeFileSync(join(dir, LOCK_FILE), "1\n");
    const error = (() => {
      try {
        lockDataDir(dir);
      } catch (caught) {
        return caught;
      }
    })();
    expect(error).toBeInstanceOf(DataDirLocked);
    expect((error as Error).message).toBe(
      `Another companion (pid 1) is already serving the data folder ${dir}; stop it first`,
    );
  });

  it("takes over a stale lock left by a process that died", () => {
    const dir = tempDir();
    writeFileSync(join(dir, LOCK_FILE), `${deadPid()}\n`);
    const release = lockDataDir(dir);
    expect(readFileSync(join(dir, LOCK_FILE), "utf8")).toBe(`${process.pid}\n`);
    release();
  });

  it("does not remove a lock another process took over", () => {
    const dir = tempDir();
    const release = lockDataDir(dir);
    writeFileSync(join(dir, LOCK_FILE), "1\n");
    release();
    expect(readFileSync(join(dir, LOCK_FILE), "utf8")).toBe("1\n");
  });
});
