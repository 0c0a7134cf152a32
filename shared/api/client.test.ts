import { describe, expect, it, vi } from "vitest";
import { ApiError, ApiUnreachableError, createApiClient, retryAfterMs } from "./client.ts";
import { API_ROUTES, HealthResponse, PostItemsResponse } from "./contract.ts";

type Step = Response | Error;

/** A fetch that plays the given answers in order and records every request. */
const fakeFetch = (steps: Step[]) => {
  const calls: { url: string; init: RequestInit }[] = [];
  const fetch = vi.fn(async (input: RequestInfo | URL, init: RequestInit = {}) => {
    calls.push({ url: String(input), init });
    const step = steps.shift();
    if (step === undefined) throw new Error("no more answers");
    if (step instanceof Error) throw step;
    return step;
  });
  return { fetch: fetch as unknown as typeof globalThis.fetch, calls };
};

const json = (status: number, body: unknown, headers: Record<string, string> = {}) =>
  new Response(JSON.stringify(body), { status, headers: { "content-type": "application/json", ...headers } });

const health = { ok: true, name: "tiktok-hashtag-analysis", version: "1.0.0", posts: 3 };

const client = (steps: Step[], token: string | null = "secret", busyPatienceMs?: number) => {
  const fake = fakeFetch(steps);
  const waits: number[] = [];
  const api = createApiClient({
    baseUrl: "http://127.0.0.1:17717",
    token,
    fetch: fake.fetch,
    retries: 3,
    busyPatienceMs,
    maxWaitMs: 4000,
    sleep: async (ms) => {
      waits.push(ms);
    },
  });
  return { api, calls: fake.calls, waits };
};

describe("the API client", () => {
  it("sends the Bearer token and checks the answer against the contract", async () => {
    const { api, calls } = client([json(200, health)]);
    await expect(api.get(API_ROUTES.health, HealthResponse)).resolves.toEqual(health);
    expect(calls[0]?.url).toBe("http://127.0.0.1:17717/api/health");
    expect(new Headers(calls[0]?.init.headers).get("authorization")).toBe("Bearer secret");
  });

  it("sends no Authorization header before pairing, and never the token in the URL", async () => {
    const { api, calls } = client([json(200, health)], null);
    await api.get(API_ROUTES.health, HealthResponse, { n: 3 });
    expect(new Headers(calls[0]?.init.headers).has("authorization")).toBe(false);
    expect(calls[0]?.url).toBe("http://127.0.0.1:17717/api/health?n=3");
  });

  it("waits out a busy companion as Retry-After asks, then sends the same body again", async () => {
    const busy = () => json(503, { error: "busy" }, { "retry-after": "2" });
    const { api, calls, waits } = client([busy(), busy(), json(200, { new: 2, seen: 0, rejected: 0 })]);
    const body = { hashtag: "travel", items: [{ id: "1" }, { id: "2" }] };
    await expect(api.post(API_ROUTES.postItems, body, PostItemsResponse)).resolves.toEqual({
      new: 2,
      seen: 0,
      rejected: 0,
      rejections: [],
    });
    expect(waits).toEqual([2000, 2000]);
    expect(calls.map((call) => call.init.body)).toEqual(Array(3).fill(JSON.stringify(body)));
  });

  it("caps a long Retry-After and backs off exponentially without one", async () => {
    const { api, waits } = client([
      json(503, {}, { "retry-after": "3600" }),
      json(503, {}),
      new TypeError("fetch failed"),
      json(200, health),
    ]);
    await api.get(API_ROUTES.health, HealthResponse);
    expect(waits).toEqual([4000, 500, 1000]);
  });

  it("keeps waiting out a busy store far longer than it waits for an absent companion", async () => {
    const steps = [
      ...Array.from({ length: 12 }, () => json(503, {}, { "retry-after": "1" })),
      json(200, health),
    ];
    const told: number[] = [];
    const api = createApiClient({
      baseUrl: "http://127.0.0.1:17717",
      token: "t",
      fetch: fakeFetch(steps).fetch,
      retries: 1,
      sleep: async () => {},
      onBusy: (ms) => told.push(ms),
    });
    await expect(api.get(API_ROUTES.health, HealthResponse)).resolves.toEqual(health);
    expect(told).toEqual(Array(12).fill(1000));
  });

  it("throws rather than dropping the request when the companion stays busy or away", async () => {
    const busy = client(
      Array.from({ length: 4 }, () => json(503, { error: "The store is busy" })),
      "secret",
      1750,
    );
    const error = await busy.api.post(API_ROUTES.postItems, {}).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(ApiError);
    expect(error).toMatchObject({ status: 503, message: "The store is busy" });
    expect(busy.calls).toHaveLength(4);

    const away = client(Array.from({ length: 4 }, () => new TypeError("fetch failed")));
    await expect(away.api.get(API_ROUTES.health, HealthResponse)).rejects.toBeInstanceOf(ApiUnreachableError);
    expect(away.calls).toHaveLength(4);
  });

  it("reports error statuses with the companion's message, without retrying them", async () => {
    const { api, calls } = client([json(401, { error: "A valid Bearer token is required" })]);
    await expect(api.get(API_ROUTES.hashtags, HealthResponse)).rejects.toMatchObject({
      status: 401,
      message: "A valid Bearer token is required",
    });
    expect(calls).toHaveLength(1);
  });

  it("refuses an answer that breaks the contract", async () => {
    const { api } = client([json(200, { ok: "yes" })]);
    await expect(api.get(API_ROUTES.health, HealthResponse)).rejects.toThrow(/does not match the contract/);
  });

  it("keeps big integers in answers exact", async () => {
    const { api } = client([new Response('{"id":7300000000000000401}', { status: 200 })]);
    const { z } = await import("zod");
    await expect(api.get("/x", z.object({ id: z.string() }))).resolves.toEqual({ id: "7300000000000000401" });
  });

  it("stops waiting when aborted", async () => {
    const controller = new AbortController();
    const api = createApiClient({
      baseUrl: "http://127.0.0.1:1",
      token: "t",
      fetch: fakeFetch([json(503, {}, { "retry-after": "5" })]).fetch,
    });
    const pending = api.request("/api/posts", { method: "POST", body: {}, signal: controller.signal });
    controller.abort(new Error("closed"));
    await expect(pending).rejects.toThrow("closed");
  });
});

describe("retryAfterMs", () => {
  it("reads seconds and HTTP dates", () => {
    expect(retryAfterMs("1")).toBe(1000);
    expect(retryAfterMs("Thu, 01 Jan 1970 00:00:10 GMT", 4000)).toBe(6000);
    expect(retryAfterMs(null)).toBeUndefined();
    expect(retryAfterMs("soon")).toBeUndefined();
  });
});
