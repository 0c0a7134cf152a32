import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { CompanionStore } from "../store/post-store.ts";
import { openSqliteStore } from "../store/sqlite-store.ts";
import { makePost } from "../store/testing/make-post.ts";
import { type RunningServer, startServer } from "./start-server.ts";
import { httpCall } from "./testing/http-call.ts";

const TOKEN = "media-test-token-0123456789abcdef";
const VIDEO = Buffer.from(Array.from({ length: 1000 }, (_, i) => i % 251));
let dir: string;
let store: CompanionStore;
let server: RunningServer;

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), "tha-media-"));
  mkdirSync(join(dir, "travel", "videos"), { recursive: true });
  store = openSqliteStore(dir);
  store.upsertPosts(
    "travel",
    ["1", "2", "3"].map((id) => makePost({ id, hashtags: ["travel"] })),
  );
  writeFileSync(join(dir, "travel", "videos", "1.mp4"), VIDEO);
  writeFileSync(join(dir, "travel", "videos", "2_00.jpg"), "jpeg");
  const at = "2025-01-01T00:00:00.000Z";
  store.recordVideo({
    postId: "1",
    hashtag: "travel",
    path: "travel/videos/1.mp4",
    size: 1000,
    sha256: "",
    downloadedAt: at,
  });
  store.recordVideo({
    postId: "2",
    hashtag: "travel",
    path: "travel/videos/2_00.jpg",
    size: 4,
    sha256: "",
    downloadedAt: at,
  });
  // Recorded, then deleted by hand.
  store.recordVideo({
    postId: "3",
    hashtag: "travel",
    path: "travel/videos/3.mp4",
    size: 9,
    sha256: "",
    downloadedAt: at,
  });
  server = await startServer(store, 0, { version: "0.0.0", token: TOKEN });
});
afterAll(async () => {
  await server.close();
  store.close();
  rmSync(dir, { recursive: true, force: true });
});

const media = (id: string, range?: string) =>
  httpCall(server.url, "GET", `/api/posts/${id}/media`, {
    headers: { authorization: `Bearer ${TOKEN}`, ...(range === undefined ? {} : { range }) },
  });
const bytes = (text: string) => Buffer.from(text, "latin1");

describe("GET /api/posts/:id/media", () => {
  it("streams the whole video with its type and Accept-Ranges", async () => {
    const reply = await media("1");
    expect(reply.status).toBe(200);
    expect(reply.headers).toMatchObject({
      "content-type": "video/mp4",
      "accept-ranges": "bytes",
      "content-length": "1000",
    });
    expect(bytes(reply.text)).toEqual(VIDEO);
  });

  it.each([
    ["the first bytes", "bytes=0-99", 0, 99],
    ["a middle slice", "bytes=500-599", 500, 599],
    ["a suffix", "bytes=-10", 990, 999],
    ["an open end", "bytes=900-", 900, 999],
    ["an end past the size", "bytes=990-5000", 990, 999],
  ])("answers 206 with %s", async (_what, range, first, last) => {
    const reply = await media("1", range);
    expect(reply.status).toBe(206);
    expect(reply.headers["content-range"]).toBe(`bytes ${first}-${last}/1000`);
    expect(bytes(reply.text)).toEqual(VIDEO.subarray(first, last + 1));
  });

  it("answers 416 with the size to a range it cannot satisfy", async () => {
    const reply = await media("1", "bytes=1000-1100");
    expect(reply.status).toBe(416);
    expect(reply.headers["content-range"]).toBe("bytes */1000");
  });

  it("serves a gallery image as an image", async () => {
    const reply = await media("2");
    expect(reply).toMatchObject({ status: 200, text: "jpeg" });
    expect(reply.headers["content-type"]).toBe("image/jpeg");
  });

  it("answers 404 when the post has no media or its file is gone", async () => {
    expect(await media("9")).toMatchObject({
      status: 404,
      body: { error: "Post 9 has no downloaded media" },
    });
    expect(await media("3")).toMatchObject({
      status: 404,
      body: { error: "The media of post 3 is no longer on disk" },
    });
  });

  it("needs the token", async () => {
    expect((await httpCall(server.url, "GET", "/api/posts/1/media")).status).toBe(401);
  });
});
