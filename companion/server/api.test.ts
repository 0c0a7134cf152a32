import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { request as httpRequest } from "node:http";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { hashtagFrequencies } from "../../shared/analysis/hashtag-frequencies.ts";
import {
  API_ROUTES,
  apiPath,
  FrequenciesResponse,
  HashtagsResponse,
  HealthResponse,
  PostItemsResponse,
  PostsResponse,
} from "../../shared/api/contract.ts";
import { CHROME_EXTENSION_ORIGIN } from "../../shared/api/extension-identity.ts";
import { parseDocument } from "../../shared/post/parse-any.ts";
import type { CompanionStore } from "../store/post-store.ts";
import { openSqliteStore } from "../store/sqlite-store.ts";
import { type RunningServer, startServer } from "./start-server.ts";

const items = (
  JSON.parse(
    readFileSync(new URL("../../shared/post/fixtures/item-list-response.json", import.meta.url), "utf8"),
  ) as {
    itemList: unknown[];
  }
).itemList;

let dir: string;
let store: CompanionStore;
let server: RunningServer;
const TOKEN = "test-token-0123456789abcdefghij";
const AUTH = { authorization: `Bearer ${TOKEN}` };

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), "tha-api-"));
  store = openSqliteStore(dir);
  server = await startServer(store, 0, { version: "9.9.9", token: TOKEN });
});
afterAll(async () => {
  await server.close();
  store.close();
  rmSync(dir, { recursive: true, force: true });
});

interface Reply {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  body: unknown;
}

/** A real HTTP request; node:http rather than fetch, which will not send a forged Host or Origin. */
const call = (
  method: string,
  path: string,
  options: { headers?: Record<string, string>; body?: string } = {},
): Promise<Reply> =>
  new Promise((resolve, reject) => {
    const request = httpRequest(
      `${server.url}${path}`,
      { method, headers: { "content-type": "application/json", ...AUTH, ...options.headers } },
      (response) => {
        let text = "";
        response.setEncoding("utf8");
        response.on("data", (chunk: string) => {
          text += chunk;
        });
        response.on("end", () =>
          resolve({
            status: response.statusCode ?? 0,
            headers: response.headers,
            body: text === "" ? null : JSON.parse(text),
          }),
        );
      },
    );
    request.on("error", reject);
    request.end(options.body);
  });

const postItems = (body: unknown) => call("POST", API_ROUTES.postItems, { body: JSON.stringify(body) });

describe("the companion API", () => {
  it("listens on 127.0.0.1 only", () => {
    expect(server.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
  });

  it("answers the health check", async () => {
    const reply = await call("GET", API_ROUTES.health);
    expect(reply.status).toBe(200);
    expect(HealthResponse.parse(reply.body)).toEqual({
      ok: true,
      name: "tiktok-hashtag-analysis",
      version: "9.9.9",
      posts: 0,
    });
  });

  it("stores the raw items the extension posts, counting new, seen and rejected", async () => {
    const source_url = "https://www.tiktok.com/tag/travel";
    const first = await postItems({ hashtag: "#Travel", source_url, items });
    expect(first.status).toBe(200);
    expect(PostItemsResponse.parse(first.body)).toEqual({ new: 5, seen: 0, rejected: 0, rejections: [] });
    const again = await postItems({
      hashtag: "travel",
      source_url,
      items: [...items, { desc: "no id" }, 42],
    });
    expect(again.body).toMatchObject({ new: 0, seen: 5, rejected: 2 });
    expect((again.body as { rejections: { index: number }[] }).rejections.map((r) => r.index)).toEqual([
      5, 6,
    ]);
    expect(store.getPost("7301234567890123456")?.source).toMatchObject({ kind: "web-api", url: source_url });
    // Passive capture names its runs; batches without a source are the extension's.
    await postItems({ hashtag: "travel", source: "captured", source_url, items });
    expect(
      store
        .runs("travel")
        .map((run) => run.source)
        .sort(),
    ).toEqual(["captured", "extension", "extension"]);
  });

  it("stores items captured off tag pages under their context, with no hashtag and no run", async () => {
    const source_url = "https://www.tiktok.com/@someone";
    const body = { context: { kind: "profile", value: "@SomeOne" }, source: "captured", source_url, items };
    expect(
      (
        await call("POST", API_ROUTES.postItems, {
          body: JSON.stringify(body),
          headers: { authorization: "Bearer wrong" },
        })
      ).status,
    ).toBe(401);
    const runsBefore = store.runs().length;
    const reply = await postItems(body);
    expect(reply.status).toBe(200);
    // The posts are the ones the tag page already stored: seen again, one row each, now with both places.
    expect(PostItemsResponse.parse(reply.body)).toEqual({ new: 0, seen: 5, rejected: 0, rejections: [] });
    expect(store.contextsOf("7301234567890123456")).toEqual([{ kind: "profile", value: "someone" }]);
    expect(store.countPosts("travel")).toBe(5);
    expect(store.runs()).toHaveLength(runsBefore);
    const feed = await postItems({
      context: { kind: "feed" },
      items: [{ ...(items[0] as object), id: "42" }],
    });
    expect(feed.body).toMatchObject({ new: 1, seen: 0 });
    expect(store.captureContexts().map(({ kind, value, posts }) => [kind, value, posts])).toEqual([
      ["feed", "", 1],
      ["profile", "someone", 5],
    ]);
  });

  it("lists hashtags, pages posts newest first, and gives frequencies", async () => {
    const hashtags = HashtagsResponse.parse((await call("GET", API_ROUTES.hashtags)).body);
    expect(hashtags.hashtags).toMatchObject([{ hashtag: "travel", posts: 5, videos: 0, lastError: null }]);

    const page = PostsResponse.parse(
      (await call("GET", `${apiPath(API_ROUTES.posts, "travel")}?limit=2&offset=1`)).body,
    );
    expect(page).toMatchObject({ hashtag: "travel", total: 5, limit: 2, offset: 1 });
    const all = PostsResponse.parse((await call("GET", apiPath(API_ROUTES.posts, "travel"))).body).posts;
    const times = all.map((post) => post.createTime ?? 0);
    expect(times).toEqual([...times].sort((a, b) => b - a));
    expect(page.posts.map((post) => post.id)).toEqual(all.slice(1, 3).map((post) => post.id));

    const table = FrequenciesResponse.parse(
      (await call("GET", `${apiPath(API_ROUTES.frequencies, "travel")}?n=3`)).body,
    );
    const posts = parseDocument({ itemList: items }).flatMap((result) => (result.ok ? [result.post] : []));
    expect(table).toEqual(hashtagFrequencies(posts, "travel", 3));
    expect(table.rows).toHaveLength(3);
  });

  it("gives frequencies for a range of creation dates, as the CLI reads since/until", async () => {
    const posts = parseDocument({ itemList: items }).flatMap((result) => (result.ok ? [result.post] : []));
    const times = posts.map((post) => post.createTime ?? 0).sort((a, b) => a - b);
    const since = new Date((times[2] ?? 0) * 1000).toISOString();
    const until = new Date((times[3] ?? 0) * 1000).toISOString();
    const inRange = posts.filter(
      (post) => (post.createTime ?? 0) >= times[2]! && (post.createTime ?? 0) <= times[3]!,
    );
    expect(inRange.length).toBeGreaterThan(0);
    expect(inRange.length).toBeLessThan(posts.length);
    const query = new URLSearchParams({ n: "5", since, until });
    const reply = await call("GET", `${apiPath(API_ROUTES.frequencies, "travel")}?${query}`);
    expect(FrequenciesResponse.parse(reply.body)).toEqual(hashtagFrequencies(inRange, "travel", 5));
    const day = new Date((times[4] ?? 0) * 1000).toISOString().slice(0, 10);
    const fromDay = await call("GET", `${apiPath(API_ROUTES.frequencies, "travel")}?since=${day}`);
    expect((fromDay.body as { totalPosts: number }).totalPosts).toBeGreaterThan(0);
  });

  it.each([
    [
      "a body that is not JSON",
      () => call("POST", API_ROUTES.postItems, { body: "{oops" }),
      /not valid JSON/,
    ],
    ["a body without items", () => postItems({ hashtag: "travel" }), /Invalid body: items/],
    ["an invalid hashtag", () => postItems({ hashtag: "a b", items }), /Invalid hashtag "a b"/],
    [
      "both a hashtag and a context",
      () => postItems({ hashtag: "x", context: { kind: "feed" }, items }),
      /either hashtag or context/,
    ],
    [
      "a profile context that is no username",
      () => postItems({ context: { kind: "profile", value: "../etc" }, items }),
      /Invalid body: context.value: a username is/,
    ],
    [
      "a search context with control characters",
      () => postItems({ context: { kind: "search", value: "a\u0007b" }, items }),
      /control characters/,
    ],
    [
      "an unknown context kind",
      () => postItems({ context: { kind: "tag", value: "x" }, items }),
      /Invalid body: context.kind/,
    ],
    [
      "an unknown source",
      () => postItems({ hashtag: "x", source: "scraper", items }),
      /Invalid body: source/,
    ],
    [
      "a source_url that is no URL",
      () => postItems({ hashtag: "x", source_url: "nope", items }),
      /source_url/,
    ],
    ["limit=0", () => call("GET", `${apiPath(API_ROUTES.posts, "travel")}?limit=0`), /Invalid query: limit/],
    [
      "limit=abc",
      () => call("GET", `${apiPath(API_ROUTES.posts, "travel")}?limit=abc`),
      /Invalid query: limit/,
    ],
    ["n=0", () => call("GET", `${apiPath(API_ROUTES.frequencies, "travel")}?n=0`), /Invalid query: n/],
    [
      "a hashtag with a path in it",
      () => call("GET", apiPath(API_ROUTES.posts, "../etc")),
      /Invalid hashtag/,
    ],
  ])("answers 400 with {error} to %s, storing nothing", async (_name, send, message) => {
    const before = store.totalPosts();
    const reply = await send();
    expect(reply.status).toBe(400);
    expect((reply.body as { error: string }).error).toMatch(message);
    expect(store.totalPosts()).toBe(before);
  });

  it("answers 404 with {error} to unknown endpoints", async () => {
    const reply = await call("GET", "/api/nothing");
    expect(reply).toMatchObject({ status: 404, body: { error: "No such endpoint" } });
  });
});

describe("what may reach it", () => {
  it("refuses a foreign Host (DNS rebinding) and accepts localhost", async () => {
    const forged = await call("GET", API_ROUTES.health, { headers: { host: "evil.example:17717" } });
    expect(forged).toMatchObject({
      status: 403,
      body: { error: 'Host "evil.example:17717" is not allowed; use 127.0.0.1' },
    });
    const local = await call("GET", API_ROUTES.health, { headers: { host: `localhost:${server.port}` } });
    expect(local.status).toBe(200);
  });

  it("refuses web page origins", async () => {
    const reply = await call("POST", API_ROUTES.postItems, {
      headers: { origin: "https://evil.example" },
      body: JSON.stringify({ hashtag: "evil", items }),
    });
    expect(reply.status).toBe(403);
    expect(reply.headers["access-control-allow-origin"]).toBeUndefined();
    expect(store.countPosts("evil")).toBe(0);
  });

  it("allows the extension's origin, preflight included", async () => {
    const origin = CHROME_EXTENSION_ORIGIN;
    const reply = await call("GET", API_ROUTES.hashtags, { headers: { origin } });
    expect(reply.status).toBe(200);
    expect(reply.headers["access-control-allow-origin"]).toBe(origin);
    const firefox = "moz-extension://0f1e2d3c-4b5a-6978-8796-a5b4c3d2e1f0";
    const preflight = await call("OPTIONS", API_ROUTES.postItems, {
      headers: { origin: firefox, "access-control-request-method": "POST" },
    });
    expect(preflight.status).toBe(204);
    expect(preflight.headers).toMatchObject({
      "access-control-allow-origin": firefox,
      "access-control-allow-methods": "GET, POST, PUT, DELETE, OPTIONS",
      "access-control-allow-headers": "Authorization, Content-Type, Last-Event-ID",
    });
  });
});

describe("a failing write", () => {
  it("answers 500 and closes the run with the error, so it does not look in progress", async () => {
    const failDir = mkdtempSync(join(tmpdir(), "tha-api-fail-"));
    const failing = openSqliteStore(failDir);
    const broken: CompanionStore = Object.create(failing);
    broken.upsertPosts = () => {
      throw new Error("disk I/O error");
    };
    const failServer = await startServer(broken, 0, { version: "9.9.9", token: TOKEN });
    const log = vi.spyOn(process.stderr, "write").mockImplementation(() => true);
    try {
      const reply = await fetch(`${failServer.url}${API_ROUTES.postItems}`, {
        method: "POST",
        headers: { "content-type": "application/json", ...AUTH },
        body: JSON.stringify({ hashtag: "travel", items }),
      });
      expect(reply.status).toBe(500);
      expect(failing.runs("travel")).toMatchObject([
        { source: "extension", postsNew: 0, postsSeen: 0, error: "disk I/O error" },
      ]);
      expect(failing.runs("travel")[0]?.finishedAt).not.toBeNull();
      expect(String(log.mock.calls[0]?.[0])).toMatch(/^API error: Error: disk I\/O error/);
    } finally {
      log.mockRestore();
      await failServer.close();
      failing.close();
      rmSync(failDir, { recursive: true, force: true });
    }
  });
});
