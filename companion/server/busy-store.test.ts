import { spawn } from "node:child_process";
import { once } from "node:events";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createApiClient } from "../../shared/api/client.ts";
import { API_ROUTES, apiPath, PostItemsResponse } from "../../shared/api/contract.ts";
import { databasePath } from "../store/paths.ts";
import type { CompanionStore } from "../store/post-store.ts";
import { openSqliteStore } from "../store/sqlite-store.ts";
import { makePost } from "../store/testing/make-post.ts";
import { type RunningServer, startServer } from "./start-server.ts";
import { httpCall } from "./testing/http-call.ts";

const TOKEN = "busy-test-token-0123456789abcdef";
const AUTH = { authorization: `Bearer ${TOKEN}`, "content-type": "application/json" };
let dir: string;
let store: CompanionStore;
let server: RunningServer;

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), "tha-busy-"));
  const seed = openSqliteStore(dir);
  seed.upsertPosts("travel", [makePost({ id: "1", hashtags: ["travel"] })]);
  seed.close();
  // As `start` opens it: no busy wait.
  store = openSqliteStore(dir, { busyTimeoutMs: 0 });
  server = await startServer(store, 0, { version: "0.0.0", token: TOKEN });
});
afterAll(async () => {
  await server.close();
  store.close();
  rmSync(dir, { recursive: true, force: true });
});

/** Another process (as a CLI import would) holding the write lock until told to commit. */
const holdWriteLock = async () => {
  const child = spawn(
    process.execPath,
    [
      "-e",
      `const db = new (require("better-sqlite3"))(${JSON.stringify(databasePath(dir))});
       db.exec("BEGIN IMMEDIATE; DELETE FROM posts WHERE 0;");
       console.log("holding");
       process.stdin.once("data", () => { db.exec("COMMIT"); db.close(); process.exit(0); });`,
    ],
    { cwd: process.cwd(), stdio: ["pipe", "pipe", "inherit"] },
  );
  await once(child.stdout, "data");
  return {
    release: async () => {
      child.stdin.write("go\n");
      await once(child, "close");
    },
    kill: () => child.kill(),
  };
};

const items = (ids: string[]) =>
  ids.map((id) => ({ id, desc: "#travel", createTime: 1_700_000_000, author: { uniqueId: "a" }, stats: {} }));

describe("the API while another process holds the write lock", () => {
  it("answers reads at once and writes with 503 + Retry-After at once, losing nothing", async () => {
    const lock = await holdWriteLock();
    try {
      const health = await httpCall(server.url, "GET", API_ROUTES.health);
      expect(health).toMatchObject({ status: 200 });
      expect(health.ms).toBeLessThan(1000);
      const read = await httpCall(server.url, "GET", apiPath(API_ROUTES.posts, "travel"), { headers: AUTH });
      expect(read).toMatchObject({ status: 200, body: { total: 1 } });
      expect(read.ms).toBeLessThan(1000);
      const body = JSON.stringify({ hashtag: "travel", items: items(["2", "3"]) });
      const write = await httpCall(server.url, "POST", API_ROUTES.postItems, { headers: AUTH, body });
      expect(write.status).toBe(503);
      expect(write.headers["retry-after"]).toBe("1");
      expect(write.body).toEqual({ error: expect.stringMatching(/busy/) });
      expect(write.ms).toBeLessThan(1000);
      expect(store.runs("travel")).toEqual([]);
      // Posts captured off tag pages take the same way: 503 at once, nothing half stored.
      const captured = JSON.stringify({ context: { kind: "profile", value: "a" }, items: items(["7"]) });
      const elsewhere = await httpCall(server.url, "POST", API_ROUTES.postItems, {
        headers: AUTH,
        body: captured,
      });
      expect(elsewhere).toMatchObject({ status: 503, headers: { "retry-after": "1" } });
      expect(elsewhere.ms).toBeLessThan(1000);
      expect(store.captureContexts()).toEqual([]);
    } finally {
      await lock.release().catch(() => lock.kill());
    }
    expect(store.countPosts("travel")).toBe(1);
  });

  it("lets the shared client retry until the lock is gone, so the batch is stored once", async () => {
    const lock = await holdWriteLock();
    const client = createApiClient({ baseUrl: server.url, token: TOKEN, retries: 10 });
    const sending = client.post(
      API_ROUTES.postItems,
      { hashtag: "travel", items: items(["4", "5", "6"]) },
      PostItemsResponse,
    );
    await new Promise((resolve) => setTimeout(resolve, 1500));
    expect(store.countPosts("travel")).toBe(1);
    await lock.release();
    await expect(sending).resolves.toMatchObject({ new: 3, rejected: 0 });
    expect(store.countPosts("travel")).toBe(4);
    expect(store.runs("travel")).toHaveLength(1);
  });
});
