import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { coHashtagNetwork } from "../../../shared/analysis/co-hashtag-network.ts";
import { hashtagTrends } from "../../../shared/analysis/hashtag-trends.ts";
import {
  ANALYSIS_ROUTES,
  analysisPath,
  GrowthResponse,
  NetworkResponse,
  PostEngagementResponse,
  TrendsResponse,
} from "../../../shared/api/analysis.ts";
import type { CompanionStore } from "../../store/post-store.ts";
import { openSqliteStore } from "../../store/sqlite-store.ts";
import { makePost } from "../../store/testing/make-post.ts";
import { type RunningServer, startServer } from "../start-server.ts";
import { httpCall } from "../testing/http-call.ts";

let dir: string;
let store: CompanionStore;
let server: RunningServer;
const TOKEN = "test-token-0123456789abcdefghij";

const DAY = 86_400;
const MONDAY = 1_736_121_600; // 2025-01-06T00:00:00Z
const posts = [
  makePost({ id: "1", hashtags: ["travel", "cairo", "egypt"], createTime: MONDAY + 3600, plays: 100 }),
  makePost({ id: "2", hashtags: ["travel", "egypt"], createTime: MONDAY + DAY, plays: 10 }),
  makePost({ id: "3", hashtags: ["travel", "paris", "cairo"], createTime: MONDAY + 8 * DAY, plays: 5 }),
  makePost({ id: "4", hashtags: ["travel"], createTime: null }),
];

const get = async (path: string, token: string | null = TOKEN) => {
  const reply = await httpCall(server.url, "GET", path, {
    headers: token === null ? {} : { authorization: `Bearer ${token}` },
  });
  return { status: reply.status, body: reply.body as Record<string, unknown> };
};

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), "tha-analysis-api-"));
  store = openSqliteStore(dir);
  for (const plays of [1, 2]) {
    const run = store.startRun("travel", "test");
    store.upsertPosts(
      "travel",
      posts.map((post) => ({ ...post, stats: { ...post.stats, plays: (post.stats.plays ?? 0) * plays } })),
      { runId: run },
    );
    await new Promise((resolve) => setTimeout(resolve, 5));
    store.finishRun(run, { postsNew: 0, postsSeen: 0 });
    await new Promise((resolve) => setTimeout(resolve, 5));
  }
  server = await startServer(store, 0, { version: "9.9.9", token: TOKEN });
});
afterAll(async () => {
  await server.close();
  store.close();
  rmSync(dir, { recursive: true, force: true });
});

describe("analysis routes", () => {
  it("need the token", async () => {
    for (const route of Object.values(ANALYSIS_ROUTES)) {
      const reply = await get(analysisPath(route, route.includes(":id") ? "1" : "travel"), null);
      expect(reply.status).toBe(401);
    }
  });

  it("serve the network as the shared function computes it, with top, minWeight and a range", async () => {
    const reply = await get(
      `${analysisPath(ANALYSIS_ROUTES.network, "Travel")}?top=3&minWeight=1&since=2025-01-06&until=2025-01-12`,
    );
    expect(reply.status).toBe(200);
    const network = NetworkResponse.parse(reply.body);
    expect(network).toEqual(
      coHashtagNetwork(posts, "travel", { top: 3, range: { since: MONDAY, until: MONDAY + 7 * DAY - 1 } }),
    );
    expect(network.nodes.map((node) => node.hashtag)).toEqual(["travel", "egypt", "cairo"]);
  });

  it("serve trends per week with the comparison of the two weeks", async () => {
    const reply = await get(`${analysisPath(ANALYSIS_ROUTES.trends, "travel")}?period=week&top=2`);
    expect(reply.status).toBe(200);
    const trends = TrendsResponse.parse(reply.body);
    expect(trends).toEqual(hashtagTrends(posts, "travel", { period: "week", top: 2 }));
    expect(trends.undated).toBe(1);
    expect(trends.comparison?.rising.map((entry) => entry.hashtag)).toEqual(["paris", "cairo"]);
  });

  it("serve the fastest-growing posts between the last two collections, and a post's history", async () => {
    const growth = GrowthResponse.parse((await get(analysisPath(ANALYSIS_ROUTES.growth, "travel"))).body);
    expect(growth.posts.map((row) => [row.postId, row.growth])).toEqual([
      ["1", 100],
      ["4", 100],
      ["2", 10],
      ["3", 5],
    ]);
    const history = await get(analysisPath(ANALYSIS_ROUTES.postEngagement, "1"));
    expect(PostEngagementResponse.parse(history.body).points.map((point) => point.plays)).toEqual([100, 200]);
  });

  it("answer a hashtag with one collection with no window rather than an error", async () => {
    store.upsertPosts("solo", [makePost({ id: "9", hashtags: ["solo"] })]);
    const reply = await get(`${analysisPath(ANALYSIS_ROUTES.growth, "solo")}?metric=likes`);
    expect(reply).toEqual({
      status: 200,
      body: { hashtag: "solo", metric: "likes", from: null, to: null, posts: [] },
    });
  });

  it("refuse bad parameters with the reason", async () => {
    const cases: [string, RegExp][] = [
      [`${analysisPath(ANALYSIS_ROUTES.network, "travel")}?top=0`, /top/],
      [
        `${analysisPath(ANALYSIS_ROUTES.network, "travel")}?since=yesterday`,
        /since: cannot read "yesterday"/,
      ],
      [`${analysisPath(ANALYSIS_ROUTES.network, "a..b")}`, /Invalid hashtag/],
      [`${analysisPath(ANALYSIS_ROUTES.trends, "travel")}?period=month`, /period/],
      [
        `${analysisPath(ANALYSIS_ROUTES.trends, "travel")}?period=week&before=2025-01-07&after=2025-01-13`,
        /not a Monday/,
      ],
      [`${analysisPath(ANALYSIS_ROUTES.trends, "travel")}?before=2025-01-07`, /both before and after/],
      [`${analysisPath(ANALYSIS_ROUTES.growth, "travel")}?from=2025-01-02&to=2025-01-01`, /after/],
      [`${analysisPath(ANALYSIS_ROUTES.growth, "travel")}?metric=saves`, /metric/],
      [analysisPath(ANALYSIS_ROUTES.postEngagement, "7.3E+18"), /Invalid post id/],
    ];
    for (const [path, message] of cases) {
      const reply = await get(path);
      expect(reply.status, path).toBe(400);
      expect(String(reply.body.error), path).toMatch(message);
    }
    for (const route of [ANALYSIS_ROUTES.network, ANALYSIS_ROUTES.trends, ANALYSIS_ROUTES.growth])
      expect(await get(analysisPath(route, "nothing"))).toEqual({
        status: 404,
        body: { error: "No posts stored for #nothing" },
      });
    const missing = await get(analysisPath(ANALYSIS_ROUTES.postEngagement, "404"));
    expect(missing).toEqual({ status: 404, body: { error: "Post 404 is not stored" } });
  });
});
