import { spawn } from "node:child_process";
import { once } from "node:events";
import { existsSync, mkdtempSync, rmSync, statSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { databasePath } from "./paths.ts";
import { openSqliteStore } from "./sqlite-store.ts";
import { makePost } from "./testing/make-post.ts";

const folders: string[] = [];
afterEach(() => {
  for (const dir of folders.splice(0)) rmSync(dir, { recursive: true, force: true });
});
const tempDir = () => {
  const dir = mkdtempSync(join(tmpdir(), "tha-open-"));
  folders.push(dir);
  return dir;
};

/** Runs SQL in another process against the database; it dies by SIGKILL or waits for "release" on stdin. */
const otherProcess = (db: string, sql: string, end: "kill" | "hold") =>
  spawn(
    process.execPath,
    [
      "-e",
      `const db = new (require("better-sqlite3"))(${JSON.stringify(db)});
       db.pragma("wal_autocheckpoint = 0");
       db.exec(${JSON.stringify(sql)});
       ${end === "kill" ? 'process.kill(process.pid, "SIGKILL");' : 'console.log("holding"); process.stdin.once("data", () => { db.exec("COMMIT"); db.close(); process.exit(0); });'}`,
    ],
    { cwd: process.cwd(), stdio: ["pipe", "pipe", "inherit"] },
  );

describe("opening the store", () => {
  it("folds a -wal left by a killed writer back into the database", async () => {
    const dir = tempDir();
    openSqliteStore(dir).close();
    const child = otherProcess(
      databasePath(dir),
      "CREATE TABLE filler (x BLOB); WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 2000) INSERT INTO filler SELECT randomblob(1000) FROM n;",
      "kill",
    );
    await once(child, "close");
    const wal = `${databasePath(dir)}-wal`;
    expect(statSync(wal).size).toBeGreaterThan(1_000_000);
    const store = openSqliteStore(dir);
    try {
      expect(existsSync(wal) ? statSync(wal).size : 0).toBe(0);
    } finally {
      store.close();
    }
  });

  it("with busyTimeoutMs 0, fails a write at once while another process writes, and still reads", async () => {
    const dir = tempDir();
    const seed = openSqliteStore(dir);
    seed.upsertPosts("travel", [makePost({ id: "1", hashtags: ["travel"] })]);
    seed.close();
    const store = openSqliteStore(dir, { busyTimeoutMs: 0 });
    const holder = otherProcess(databasePath(dir), "BEGIN IMMEDIATE; DELETE FROM posts WHERE 0;", "hold");
    try {
      await once(holder.stdout, "data");
      const started = performance.now();
      expect(() => store.upsertPosts("travel", [makePost({ id: "2", hashtags: ["travel"] })])).toThrow(
        expect.objectContaining({ code: "SQLITE_BUSY" }),
      );
      expect(store.countPosts("travel")).toBe(1);
      expect(performance.now() - started).toBeLessThan(500);
      holder.stdin.write("release\n");
      await once(holder, "close");
      store.upsertPosts("travel", [makePost({ id: "2", hashtags: ["travel"] })]);
      expect(store.countPosts("travel")).toBe(2);
    } finally {
      holder.kill();
      store.close();
    }
  });
});
