import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { API_ROUTES } from "../../../shared/api/contract.ts";
import { checkStreamPage, readSyncStream, type StreamedPage } from "../../../shared/api/sync-stream.ts";
import type { CompanionStore } from "../../store/post-store.ts";
import { openSqliteStore } from "../../store/sqlite-store.ts";
import { makePost } from "../../store/testing/make-post.ts";
import { tempDirs } from "../../store/testing/temp-dirs.ts";
import { type RunningServer, startServer } from "../start-server.ts";
import { syncRouter } from "./sync.ts";

const TOKEN = "s".repeat(43);
const folder = tempDirs("sync-stream-");
let store: CompanionStore;
let server: RunningServer;

beforeEach(async () => {
  store = openSqliteStore(folder());
  server = await startServer(store, 0, { version: "test", token: TOKEN, routers: [syncRouter(store)] });
});

afterEach(async () => {
  await server.close();
  store.close();
});

const stream = (query: string, signal?: AbortSignal) =>
  fetch(`${server.url}${API_ROUTES.syncStream}?${query}`, {
    headers: { Authorization: `Bearer ${TOKEN}` },
    signal,
  });

const readAll = async (response: Response): Promise<StreamedPage[]> => {
  const pages: StreamedPage[] = [];
  for await (const page of readSyncStream(response.body as ReadableStream<Uint8Array>)) pages.push(page);
  return pages;
};

describe("the sync stream route", () => {
  it("sends every page from the cursor in one response, each as the paged feed gives it", async () => {
    store.upsertPosts(
      "travel",
      Array.from({ length: 25 }, (_, index) => makePost({ id: String(100 + index), hashtags: ["travel"] })),
    );
    const response = await stream("cursor=3&limit=10");
    expect(response.status).toBe(200);
    expect(response.headers.get("Content-Type")).toContain("application/x-ndjson");
    const pages = (await readAll(response)).map((page) => checkStreamPage(page).page);
    const paged = [];
    for (let cursor = 3; ; ) {
      const page = store.engine.changes.changesSince(cursor, 10);
      paged.push(page);
      if (!page.hasMore) break;
      cursor = Number(page.nextCursor);
    }
    expect(pages).toEqual(paged);
    expect(pages.length).toBeGreaterThan(2);
    expect(pages.map((page) => page.hasMore)).toEqual([...pages.slice(1).map(() => true), false]);
  });

  it("answers a caught-up cursor with one empty page, and refuses a bad query before streaming", async () => {
    const latest = store.engine.changes.latestCursor();
    const pages = await readAll(await stream(`cursor=${latest}`));
    expect(pages.map((page) => page.head)).toEqual([
      { links: [], videos: [], runs: [], nextCursor: String(latest), hasMore: false, posts: 0 },
    ]);
    const bad = await stream("cursor=-1");
    expect(bad.status).toBe(400);
    expect(((await bad.json()) as { error: string }).error).toContain("cursor");
    expect((await fetch(`${server.url}${API_ROUTES.syncStream}`)).status).toBe(401);
  });

  it("stops building pages when the client goes away", async () => {
    store.upsertPosts(
      "travel",
      // 400 pages of 20 kB: more than the socket's buffers hold, so the route has to wait for the reader.
      Array.from({ length: 400 }, (_, index) => ({
        ...makePost({ id: String(1000 + index), hashtags: ["travel"] }),
        description: "x".repeat(20_000),
      })),
    );
    const built: number[] = [];
    const changes = store.engine.changes;
    const original = changes.changesSinceLines;
    changes.changesSinceLines = (cursor, limit) => {
      built.push(cursor);
      return original(cursor, limit);
    };
    const stop = new AbortController();
    const response = await stream("limit=1", stop.signal);
    const reader = (response.body as ReadableStream<Uint8Array>).getReader();
    await reader.read();
    stop.abort();
    await new Promise((resolve) => setTimeout(resolve, 200));
    const after = built.length;
    await new Promise((resolve) => setTimeout(resolve, 200));
    // Far fewer pages built than there are, and none once the client went.
    expect(after).toBeLessThan(400);
    expect(built.length).toBe(after);
  });
});
