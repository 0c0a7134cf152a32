import { spawn } from "node:child_process";
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { withPoliteness } from "../../companion/collectors/politeness/politeness.ts";
import { createJobEngine, type JobEngine } from "../../companion/jobs/job-engine.ts";
import { type RunningServer, startServer } from "../../companion/server/start-server.ts";
import type { CompanionStore } from "../../companion/store/post-store.ts";
import { openSqliteStore } from "../../companion/store/sqlite-store.ts";
import { createDispatcher } from "../../companion/video/dispatcher.ts";
import { API_ROUTES, apiPath } from "../../shared/api/contract.ts";
import { Follow, FollowsResponse } from "../../shared/api/follows.ts";
import { SyncPage } from "../../shared/api/sync.ts";

const TOKEN = "t".repeat(43);
let folder: string;
let store: CompanionStore;
let engine: JobEngine;
let server: RunningServer;

const call = (path: string, init: RequestInit = {}): Promise<Response> =>
  fetch(`${server.url}${path}`, {
    ...init,
    headers: { Authorization: `Bearer ${TOKEN}`, "Content-Type": "application/json", ...init.headers },
  });

beforeEach(async () => {
  folder = await mkdtemp(join(tmpdir(), "sync-follows-"));
  store = openSqliteStore(folder);
  // Not started: these tests read and write follows and the feed; no job runs.
  engine = createJobEngine({
    store,
    tools: {
      dispatcher: createDispatcher(),
      politeness: withPoliteness(),
      concurrency: 1,
      openCollector: () => {
        throw new Error("no collection in this test");
      },
    },
  });
  server = await startServer(store, 0, { version: "test", token: TOKEN, routers: engine.routers });
});

afterEach(async () => {
  await server.close();
  await engine.stop();
  store.close();
  await rm(folder, { recursive: true, force: true });
});

describe("the sync feed and follows behind the companion's auth", () => {
  it("needs the token", async () => {
    expect((await fetch(`${server.url}${API_ROUTES.sync}`)).status).toBe(401);
    expect((await fetch(`${server.url}${API_ROUTES.follows}`)).status).toBe(401);
    expect((await fetch(`${server.url}${API_ROUTES.jobs}`)).status).toBe(401);
  });

  it("streams job events behind the token", async () => {
    const controller = new AbortController();
    const stream = await call(API_ROUTES.jobsEvents, { signal: controller.signal });
    expect(stream.status).toBe(200);
    expect(stream.headers.get("content-type")).toMatch(/^text\/event-stream/u);
    const created = await call(API_ROUTES.jobs, {
      method: "POST",
      body: JSON.stringify({ hashtags: ["travel"] }),
    });
    expect(created.status).toBe(201);
    const reader = (stream.body as ReadableStream<Uint8Array>).getReader();
    let text = "";
    while (!text.includes("\n\n")) text += new TextDecoder().decode((await reader.read()).value);
    controller.abort();
    expect(text).toMatch(/^id: 1\nevent: job\ndata: \{"seq":1,"jobId":1,"kind":"queued"/u);
  });

  it("adds, updates, lists and removes follows, refusing bad input with a reason", async () => {
    const added = await call(apiPath(API_ROUTES.follow, "#Travel"), {
      method: "PUT",
      body: JSON.stringify({ every: "6h", videos: true }),
    });
    expect(added.status).toBe(200);
    expect(Follow.parse(await added.json())).toMatchObject({
      hashtag: "travel",
      every: "6h",
      posts: true,
      videos: true,
      limit: 1000,
      lastRun: null,
    });
    await call(apiPath(API_ROUTES.follow, "travel"), {
      method: "PUT",
      body: JSON.stringify({ every: null }),
    });
    await call(apiPath(API_ROUTES.follow, "food"), { method: "PUT", body: "{}" });
    const listed = FollowsResponse.parse(await (await call(API_ROUTES.follows)).json());
    expect(listed.follows.map((follow) => [follow.hashtag, follow.every, follow.nextRunAt])).toEqual([
      ["food", null, null],
      ["travel", null, null],
    ]);
    const tooOften = await call(apiPath(API_ROUTES.follow, "food"), {
      method: "PUT",
      body: JSON.stringify({ every: "10s" }),
    });
    expect(tooOften.status).toBe(400);
    expect(((await tooOften.json()) as { error: string }).error).toMatch(/too often/u);
    expect((await call("/api/follows/..%2Fx", { method: "PUT", body: "{}" })).status).toBe(400);
    expect((await call(apiPath(API_ROUTES.follow, "food"), { method: "DELETE" })).status).toBe(204);
    expect((await call(apiPath(API_ROUTES.follow, "food"), { method: "DELETE" })).status).toBe(404);
    expect(FollowsResponse.parse(await (await call(API_ROUTES.follows)).json()).follows).toHaveLength(1);
  });

  it("pages every post exactly once while another process writes, over HTTP", async () => {
    const writer = fileURLToPath(new URL("../../companion/store/testing/write-posts.ts", import.meta.url));
    const child = spawn(process.execPath, ["--import", "tsx", writer, folder, "7", "400"], {
      stdio: ["ignore", "ignore", "inherit"],
    });
    let exited = false;
    const exit = new Promise<number | null>((resolve) => child.on("exit", resolve));
    void exit.then(() => {
      exited = true;
    });
    const seen: string[] = [];
    let cursor = "0";
    for (;;) {
      const finished = exited;
      let page: SyncPage;
      do {
        const response = await call(`${API_ROUTES.sync}?cursor=${cursor}&limit=9`);
        expect(response.status).toBe(200);
        page = SyncPage.parse(await response.json());
        seen.push(...page.posts.map((post) => post.id));
        expect(page.links.every((link) => page.posts.some((post) => post.id === link.postId))).toBe(true);
        cursor = page.nextCursor;
      } while (page.hasMore);
      if (finished) break;
      await new Promise((resolve) => setTimeout(resolve, 10));
    }
    expect(await exit).toBe(0);
    expect(seen).toHaveLength(400);
    expect(new Set(seen)).toEqual(new Set(Array.from({ length: 400 }, (_, i) => `7${i}`)));
    const bad = await call(`${API_ROUTES.sync}?cursor=-5`);
    expect(bad.status).toBe(400);
  });
});
