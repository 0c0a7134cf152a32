import { mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { withPoliteness } from "../../companion/collectors/politeness/politeness.ts";
import { createJobEngine, type JobEngine } from "../../companion/jobs/job-engine.ts";
import { type RunningServer, startServer } from "../../companion/server/start-server.ts";
import { httpCall, type Reply } from "../../companion/server/testing/http-call.ts";
import type { CompanionStore } from "../../companion/store/post-store.ts";
import { openSqliteStore } from "../../companion/store/sqlite-store.ts";
import { makePost } from "../../companion/store/testing/make-post.ts";
import { createDispatcher } from "../../companion/video/dispatcher.ts";
import { ANALYSIS_ROUTES, analysisPath } from "../../shared/api/analysis.ts";
import { API_ROUTES, apiPath } from "../../shared/api/contract.ts";
import { CHROME_EXTENSION_ORIGIN } from "../../shared/api/extension-identity.ts";
import { JOB_STATES } from "../../shared/api/jobs.ts";

const TOKEN = "security-suite-token-0123456789";
const SECRET = "TOP-SECRET-CONTENT-42";
let root: string;
let dataDir: string;
let store: CompanionStore;
let server: RunningServer;
let engine: JobEngine;

beforeAll(async () => {
  root = mkdtempSync(join(tmpdir(), "tha-sec-api-"));
  dataDir = join(root, "data");
  mkdirSync(join(dataDir, "travel", "videos"), { recursive: true });
  writeFileSync(join(root, "secret.txt"), SECRET);
  store = openSqliteStore(dataDir, { busyTimeoutMs: 0 });
  store.upsertPosts("travel", [makePost({ id: "1", hashtags: ["travel"] }), makePost({ id: "2" })]);
  // Post 2's recorded media is a link inside the data folder that leads out of it.
  symlinkSync(join(root, "secret.txt"), join(dataDir, "travel", "videos", "2.mp4"));
  store.recordVideo({
    postId: "2",
    hashtag: "travel",
    path: "travel/videos/2.mp4",
    size: 1,
    sha256: "x",
    downloadedAt: "2025-01-01T00:00:00.000Z",
  });
  // The job engine's routes (jobs, events, follows, sync, runs) as `start` mounts them; never started, so a job
  // that got through would stay queued and show in the count below.
  engine = createJobEngine({
    store,
    tools: {
      dispatcher: createDispatcher(),
      politeness: withPoliteness(),
      concurrency: 1,
      openCollector: () => {
        throw new Error("no collection in the security suite");
      },
    },
  });
  server = await startServer(store, 0, { version: "0.0.0", token: TOKEN, routers: engine.routers });
});
afterAll(async () => {
  await server.close();
  await engine.stop();
  store.close();
  rmSync(root, { recursive: true, force: true });
});

const AUTH = { authorization: `Bearer ${TOKEN}` };
const JSON_TYPE = { "content-type": "application/json" };
const send = (method: string, path: string, headers: Record<string, string> = AUTH, body?: string) =>
  httpCall(server.url, method, path, { headers: { ...JSON_TYPE, ...headers }, body });
const post = (body: unknown) => send("POST", API_ROUTES.postItems, AUTH, JSON.stringify(body));
const nested = (depth: number) => `${"[".repeat(depth)}${"]".repeat(depth)}`;
const item = { id: "3", desc: "#travel", createTime: 1_700_000_000, author: { uniqueId: "a" }, stats: {} };

/** [what is tried, the request, the status, the error it must give] */
const HOSTILE: [string, () => Promise<Reply>, number, RegExp][] = [
  ["no token", () => send("GET", API_ROUTES.hashtags, {}), 401, /needs the pairing token/],
  [
    "a wrong token",
    () => send("GET", API_ROUTES.hashtags, { authorization: "Bearer nope" }),
    401,
    /not this companion's/,
  ],
  [
    "the token with one character changed",
    () => send("GET", API_ROUTES.hashtags, { authorization: `Bearer ${TOKEN.slice(0, -1)}X` }),
    401,
    /not this companion's/,
  ],
  [
    "a token that is a prefix of the real one",
    () => send("GET", API_ROUTES.hashtags, { authorization: `Bearer ${TOKEN.slice(0, 8)}` }),
    401,
    /not this companion's/,
  ],
  [
    "Basic auth with the token",
    () => send("GET", API_ROUTES.hashtags, { authorization: `Basic ${TOKEN}` }),
    401,
    /not this companion's/,
  ],
  [
    "the token in the query string",
    () => send("GET", `${API_ROUTES.hashtags}?token=${TOKEN}`, {}),
    401,
    /only in the Authorization header/,
  ],
  [
    "the token as access_token",
    () => send("GET", `${API_ROUTES.hashtags}?access_token=${TOKEN}`, {}),
    401,
    /only in the Authorization header/,
  ],
  [
    "a POST without the token",
    () => send("POST", API_ROUTES.postItems, {}, JSON.stringify({ hashtag: "travel", items: [item] })),
    401,
    /pairing token/,
  ],
  [
    "a web page's Origin",
    () => send("GET", API_ROUTES.hashtags, { ...AUTH, origin: "https://evil.example" }),
    403,
    /Origin "https:\/\/evil.example" is not allowed/,
  ],
  [
    "the null Origin (sandboxed iframe, file:)",
    () => send("GET", API_ROUTES.hashtags, { ...AUTH, origin: "null" }),
    403,
    /Origin "null" is not allowed/,
  ],
  [
    "another Chrome extension",
    () =>
      send("GET", API_ROUTES.hashtags, {
        ...AUTH,
        origin: "chrome-extension://abcdefghijklmnopabcdefghijklmnop",
      }),
    403,
    /not allowed/,
  ],
  [
    "our id with a suffix",
    () => send("GET", API_ROUTES.hashtags, { ...AUTH, origin: `${CHROME_EXTENSION_ORIGIN}.evil.example` }),
    403,
    /not allowed/,
  ],
  [
    "a malformed moz-extension origin",
    () => send("GET", API_ROUTES.hashtags, { ...AUTH, origin: "moz-extension://evil.example" }),
    403,
    /not allowed/,
  ],
  [
    "a preflight from a web page",
    () =>
      send("OPTIONS", API_ROUTES.postItems, {
        origin: "https://evil.example",
        "access-control-request-method": "POST",
      }),
    403,
    /not allowed/,
  ],
  [
    "a rebinding Host",
    () => send("GET", API_ROUTES.health, { host: "evil.example" }),
    403,
    /Host "evil.example" is not allowed/,
  ],
  [
    "a rebinding Host with our port",
    () => send("GET", API_ROUTES.health, { host: `evil.example:${server.port}` }),
    403,
    /is not allowed/,
  ],
  [
    "a hashtag that climbs out",
    () => send("GET", apiPath(API_ROUTES.posts, "../../etc")),
    400,
    /Invalid hashtag/,
  ],
  [
    "a hashtag with a slash",
    () => send("GET", apiPath(API_ROUTES.frequencies, "a/b")),
    400,
    /Invalid hashtag/,
  ],
  [
    "an encoded path in a media id",
    () => send("GET", "/api/posts/..%2F..%2Fsecret.txt/media"),
    400,
    /Invalid post id/,
  ],
  ["a media id that is not digits", () => send("GET", "/api/posts/1.mp4/media"), 400, /Invalid post id/],
  [
    "media linked to outside the data folder",
    () => send("GET", "/api/posts/2/media"),
    400,
    /symbolic link to outside/,
  ],
  ["media of a post never downloaded", () => send("GET", "/api/posts/1/media"), 404, /no downloaded media/],
  ["a body that is not JSON", () => send("POST", API_ROUTES.postItems, AUTH, "{oops"), 400, /not valid JSON/],
  [
    "a truncated body",
    () => send("POST", API_ROUTES.postItems, AUTH, '{"hashtag":"travel","items":[{"id":"5"'),
    400,
    /not valid JSON/,
  ],
  [
    "a body nested 100 000 deep",
    () => send("POST", API_ROUTES.postItems, AUTH, nested(100_000)),
    400,
    /nests deeper than 64/,
  ],
  [
    "a body over 50 MB",
    () =>
      send(
        "POST",
        API_ROUTES.postItems,
        AUTH,
        `{"hashtag":"travel","items":["${"x".repeat(51 * 1024 * 1024)}"]}`,
      ),
    413,
    /too large/,
  ],
  [
    "more than 5000 items",
    () => post({ hashtag: "travel", items: Array(5001).fill(item) }),
    400,
    /Invalid body: items/,
  ],
  [
    "a javascript: source_url",
    () => post({ hashtag: "travel", source_url: "javascript:alert(1)", items: [item] }),
    400,
    /source_url must be an http\(s\) URL/,
  ],
  [
    "a file: source_url",
    () => post({ hashtag: "travel", source_url: "file:///etc/passwd", items: [item] }),
    400,
    /source_url/,
  ],
  [
    "a data: source_url",
    () => post({ hashtag: "travel", source_url: "data:text/html,<script>", items: [item] }),
    400,
    /source_url/,
  ],
  ["a hashtag with a path", () => post({ hashtag: "../x", items: [item] }), 400, /Invalid hashtag/],
  [
    "frequencies with a bad since",
    () => send("GET", `${apiPath(API_ROUTES.frequencies, "travel")}?since=yesterday`),
    400,
    /since/,
  ],
  [
    "frequencies with since after until",
    () => send("GET", `${apiPath(API_ROUTES.frequencies, "travel")}?since=2025-02-01&until=2025-01-01`),
    400,
    /is after/,
  ],
  ...engineRouteAttacks(),
  ...analysisRouteAttacks(),
];

/** The analysis routes (network, trends, engagement): without the token, and with bad tags, ranges and sizes. */
function analysisRouteAttacks(): [string, () => Promise<Reply>, number, RegExp][] {
  const network = analysisPath(ANALYSIS_ROUTES.network, "travel");
  const trends = analysisPath(ANALYSIS_ROUTES.trends, "travel");
  const growth = analysisPath(ANALYSIS_ROUTES.growth, "travel");
  const postEngagement = analysisPath(ANALYSIS_ROUTES.postEngagement, "1");
  const attacks: [string, () => Promise<Reply>, number, RegExp][] = [];
  for (const path of [network, trends, growth, postEngagement])
    attacks.push(
      [`GET ${path} with no token`, () => send("GET", path, {}), 401, /needs the pairing token/],
      [
        `GET ${path} with the token in the query`,
        () => send("GET", `${path}?token=${TOKEN}`, {}),
        401,
        /only in the Authorization header/,
      ],
      [
        `GET ${path} from a web page's Origin`,
        () => send("GET", path, { ...AUTH, origin: "https://evil.example" }),
        403,
        /Origin "https:\/\/evil.example" is not allowed/,
      ],
      [
        `GET ${path} through a rebinding Host`,
        () => send("GET", path, { ...AUTH, host: `evil.example:${server.port}` }),
        403,
        /is not allowed/,
      ],
    );
  for (const route of [ANALYSIS_ROUTES.network, ANALYSIS_ROUTES.trends, ANALYSIS_ROUTES.growth])
    attacks.push(
      [
        `${route} for a hashtag that climbs out`,
        () => send("GET", analysisPath(route, "../../etc")),
        400,
        /Invalid hashtag/,
      ],
      [
        `${route} for a hashtag with a slash`,
        () => send("GET", analysisPath(route, "a/b")),
        400,
        /Invalid hashtag/,
      ],
      [
        `${route} for a hashtag of 10 000 characters`,
        () => send("GET", analysisPath(route, "x".repeat(10_000))),
        400,
        /hashtag/i,
      ],
    );
  const get = (path: string, query: string) => () => send("GET", `${path}?${query}`);
  attacks.push(
    ["a network with a bad since", get(network, "since=yesterday"), 400, /since/],
    ["a network with since after until", get(network, "since=2025-02-01&until=2025-01-01"), 400, /is after/],
    ["a network of a million nodes", get(network, "top=1000000"), 400, /Invalid query: top/],
    ["a network of no nodes", get(network, "top=0"), 400, /Invalid query: top/],
    ["a network of half a node", get(network, "top=1.5"), 400, /Invalid query: top/],
    ["a network with a top that is not a number", get(network, "top=all"), 400, /Invalid query: top/],
    ["a network with a minWeight past 2^53", get(network, "minWeight=1e30"), 400, /Invalid query: minWeight/],
    ["a network with a minWeight of 0", get(network, "minWeight=0"), 400, /Invalid query: minWeight/],
    ["a network with a negative minWeight", get(network, "minWeight=-5"), 400, /Invalid query: minWeight/],
    ["trends with a bad until", get(trends, "until=tomorrow"), 400, /until/],
    ["trends until a day February does not have", get(trends, "until=2025-02-30"), 400, /until/],
    ["a network since a 31st of April", get(network, "since=2024-04-31T12:00:00Z"), 400, /since/],
    ["trends per year", get(trends, "period=year"), 400, /Invalid query: period/],
    ["trends of a million co-hashtags", get(trends, "top=1000000"), 400, /Invalid query: top/],
    [
      "trends compared with one period only",
      get(trends, "before=2025-01-06"),
      400,
      /give both before and after/,
    ],
    [
      "trends compared at a day that is no week",
      get(trends, "period=week&before=2025-01-07&after=2025-01-13"),
      400,
      /Monday|week/i,
    ],
    ["engagement by a metric that does not exist", get(growth, "metric=evil"), 400, /Invalid query: metric/],
    ["engagement from a bad time", get(growth, "from=soon&to=2025-01-01"), 400, /from/],
    ["engagement from after to", get(growth, "from=2025-02-01&to=2025-01-01"), 400, /is after/],
    ["engagement of a million posts", get(growth, "limit=1000000"), 400, /Invalid query: limit/],
    [
      "a post's engagement by an id that is a path",
      () => send("GET", "/api/posts/..%2F..%2Fetc/engagement"),
      400,
      /Invalid post id/,
    ],
  );
  return attacks;
}

/** The job engine's routes, each tried with what the core routes refuse. */
function engineRouteAttacks(): [string, () => Promise<Reply>, number, RegExp][] {
  const job = JSON.stringify({ hashtags: ["travel"], posts: true, videos: false, limit: 5 });
  const routes: [string, string, string?][] = [
    ["GET", API_ROUTES.jobs],
    ["POST", API_ROUTES.jobs, job],
    ["GET", API_ROUTES.jobsEvents],
    ["GET", apiPath(API_ROUTES.job, "1")],
    ["GET", apiPath(API_ROUTES.jobEvents, "1")],
    ["POST", apiPath(API_ROUTES.jobCancel, "1")],
    ["GET", API_ROUTES.follows],
    ["PUT", apiPath(API_ROUTES.follow, "travel"), JSON.stringify({ every: "6h" })],
    ["DELETE", apiPath(API_ROUTES.follow, "travel")],
    ["GET", API_ROUTES.sync],
    ["GET", API_ROUTES.syncStream],
    ["GET", apiPath(API_ROUTES.runs, "travel")],
  ];
  const attacks: [string, () => Promise<Reply>, number, RegExp][] = [];
  for (const [method, path, body] of routes) {
    const on = `${method} ${path}`;
    attacks.push(
      [`${on} with no token`, () => send(method, path, {}, body), 401, /needs the pairing token/],
      [
        `${on} with the token in the query`,
        () => send(method, `${path}?token=${TOKEN}`, {}, body),
        401,
        /only in the Authorization header/,
      ],
      [
        `${on} from a web page's Origin`,
        () => send(method, path, { ...AUTH, origin: "https://evil.example" }, body),
        403,
        /Origin "https:\/\/evil.example" is not allowed/,
      ],
      [
        `${on} from the null Origin`,
        () => send(method, path, { ...AUTH, origin: "null" }, body),
        403,
        /Origin "null" is not allowed/,
      ],
      [
        `${on} from another extension`,
        () =>
          send(
            method,
            path,
            { ...AUTH, origin: "chrome-extension://abcdefghijklmnopabcdefghijklmnop" },
            body,
          ),
        403,
        /not allowed/,
      ],
      [
        `${on} through a rebinding Host`,
        () => send(method, path, { ...AUTH, host: `evil.example:${server.port}` }, body),
        403,
        /is not allowed/,
      ],
    );
  }
  for (const [method, path] of [
    ["POST", API_ROUTES.jobs],
    ["PUT", apiPath(API_ROUTES.follow, "travel")],
  ] as const) {
    attacks.push(
      [
        `a ${method} ${path} body that is not JSON`,
        () => send(method, path, AUTH, "{oops"),
        400,
        /not valid JSON/,
      ],
      [
        `a ${method} ${path} body nested 100 000 deep`,
        () => send(method, path, AUTH, nested(100_000)),
        400,
        /nests deeper than 64/,
      ],
      [
        `a ${method} ${path} body over 50 MB`,
        () => send(method, path, AUTH, `{"hashtags":["${"x".repeat(51 * 1024 * 1024)}"]}`),
        413,
        /too large/,
      ],
    );
  }
  attacks.push(
    [
      "a job whose hashtag climbs out",
      () => send("POST", API_ROUTES.jobs, AUTH, JSON.stringify({ hashtags: ["../../etc"], posts: true })),
      400,
      /hashtag/i,
    ],
    [
      "a job with 10 000 hashtags",
      () =>
        send(
          "POST",
          API_ROUTES.jobs,
          AUTH,
          JSON.stringify({ hashtags: Array.from({ length: 10_000 }, (_, i) => `t${i}`), posts: true }),
        ),
      400,
      /hashtags/,
    ],
    [
      "a follow with a nonsense schedule",
      () => send("PUT", apiPath(API_ROUTES.follow, "travel"), AUTH, JSON.stringify({ every: "soon" })),
      400,
      /every/,
    ],
    [
      "a follow whose hashtag has a path",
      () => send("PUT", "/api/follows/..%2F..%2Fetc", AUTH, JSON.stringify({ every: "6h" })),
      400,
      /Invalid hashtag/,
    ],
  );
  return attacks;
}

const jobCount = () => store.engine.jobs.inState(JOB_STATES).length;
const followCount = () => store.engine.follows.list().length;

describe("hostile requests to the API", () => {
  it.each(HOSTILE)(
    "refuses %s quickly, with a reason, storing nothing",
    async (_what, request, status, error) => {
      const before = store.totalPosts();
      const [jobsBefore, followsBefore] = [jobCount(), followCount()];
      const reply = await request();
      expect(reply.status).toBe(status);
      expect((reply.body as { error?: string } | null)?.error).toMatch(error);
      expect(reply.text).not.toContain(SECRET);
      expect(reply.headers["access-control-allow-origin"]).toBeUndefined();
      expect(reply.ms).toBeLessThan(3000);
      expect(store.totalPosts()).toBe(before);
      expect([jobCount(), followCount()]).toEqual([jobsBefore, followsBefore]);
    },
  );

  it("rejects a deeply nested item alone, with its reason, and stores the rest", async () => {
    let deep: unknown = "x";
    for (let i = 0; i < 50; i++) deep = { deep };
    const reply = await post({ hashtag: "travel", items: [{ ...item, id: "7" }, { id: "8", deep }, 42] });
    expect(reply.status).toBe(200);
    expect(reply.body).toMatchObject({
      new: 1,
      rejected: 2,
      rejections: [
        { index: 1, reason: "nested deeper than 40 levels" },
        { index: 2, reason: expect.stringMatching(/expected a post object/) },
      ],
    });
    expect(store.getPost("7")).toBeDefined();
    expect(store.getPost("8")).toBeUndefined();
  });

  it("rejects items whose id is a path or not TikTok's digits, each with the reason, storing the good one", async () => {
    const hostileIds = ["../../../../tmp/x", "1e5", "-1", "12.5", "", "１２３", "123456789012345678901"];
    const reply = await post({
      hashtag: "travel",
      items: [...hostileIds.map((id) => ({ ...item, id })), { ...item, id: "11" }],
    });
    expect(reply.status).toBe(200);
    const body = reply.body as {
      new: number;
      rejected: number;
      rejections: { index: number; reason: string }[];
    };
    expect(body).toMatchObject({ new: 1, rejected: hostileIds.length });
    expect(body.rejections.map((rejection) => rejection.index)).toEqual(hostileIds.map((_, index) => index));
    for (const rejection of body.rejections) expect(rejection.reason).toMatch(/id/);
    expect(store.getPost("11")).toBeDefined();
  });

  it("keeps 19-digit numeric ids exact: neighbours do not merge", async () => {
    const body = `{"hashtag":"bigids","items":[${[401, 402]
      .map(
        (n) =>
          `{"id":7300000000000000${n},"desc":"post ${n}","createTime":1700000000,"author":{"uniqueId":"a"},"stats":{}}`,
      )
      .join(",")}]}`;
    const reply = await send("POST", API_ROUTES.postItems, AUTH, body);
    expect(reply.body).toMatchObject({ new: 2, rejected: 0 });
    expect(store.getPost("7300000000000000401")?.description).toBe("post 401");
    expect(store.getPost("7300000000000000402")?.description).toBe("post 402");
  });

  it("accepts exactly its own extension and Firefox's, preflight allowing the Authorization header", async () => {
    for (const origin of [CHROME_EXTENSION_ORIGIN, "moz-extension://0f1e2d3c-4b5a-6978-8796-a5b4c3d2e1f0"]) {
      const preflight = await send("OPTIONS", API_ROUTES.postItems, {
        origin,
        "access-control-request-method": "POST",
        "access-control-request-headers": "authorization,content-type",
      });
      expect(preflight.status).toBe(204);
      expect(preflight.headers["access-control-allow-origin"]).toBe(origin);
      expect(String(preflight.headers["access-control-allow-headers"])).toMatch(/Authorization/);
      const reply = await send("GET", API_ROUTES.hashtags, { ...AUTH, origin });
      expect(reply.status).toBe(200);
    }
  });

  it("answers the health check without a token, and nothing else", async () => {
    expect((await send("GET", API_ROUTES.health, {})).status).toBe(200);
    expect((await send("POST", API_ROUTES.health, {})).status).toBe(401);
  });

  it("never echoes or stores the secret file it was pointed at", () => {
    expect(readFileSync(join(root, "secret.txt"), "utf8")).toBe(SECRET);
  });
});
