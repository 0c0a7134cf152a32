import { type Dispatcher, request } from "undici";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { startFakeTikTok } from "./index.ts";
import { CAPTCHA } from "./markers.ts";
import { ODD_ITEM_COUNT } from "./pages/odd-items.ts";
import { chainTokenCookie, directClient, fetchBytes, proxyClient } from "./testing/clients.ts";
import type { FakeTikTok } from "./types.ts";

describe("fault injection", () => {
  let fake: FakeTikTok;
  let direct: Dispatcher;
  let proxied: Dispatcher;
  let itemList: string;

  beforeAll(async () => {
    fake = await startFakeTikTok({ seed: 2, tags: { travel: 80 }, videoBytes: { min: 50_000, max: 60_000 } });
    direct = directClient(fake);
    proxied = proxyClient(fake);
    itemList = `${fake.origin}/api/challenge/item_list/?challengeID=${fake.corpus.tags()[0]!.challengeId}&cursor=30&count=30`;
  });
  afterEach(() => fake.clearFaults());
  afterAll(async () => {
    await Promise.all([direct.close(), proxied.close()]);
    await fake.close();
  });

  const get = (url = itemList) => fetchBytes(direct, url);

  it("reset: clears every fault and the request log", async () => {
    fake.addFault({ path: "item_list", times: Number.POSITIVE_INFINITY, fault: { kind: "captcha" } });
    await get();
    expect(fake.requests.length).toBeGreaterThan(0);
    fake.reset();
    expect(fake.requests).toEqual([]);
    const answer = await get();
    expect(JSON.parse(answer.body.toString())).toMatchObject({ statusCode: 0 });
    expect(fake.requests).toHaveLength(1);
  });

  it("rate-limit: 429 with Retry-After, once, then normal again", async () => {
    fake.addFault({ path: "item_list", fault: { kind: "rate-limit", retryAfter: 17 } });
    const limited = await get();
    expect(limited.status).toBe(429);
    expect(limited.headers["retry-after"]).toBe("17");
    expect((await get()).status).toBe(200);
  });

  it("captcha: TikTok's verify JSON on the API, its verify page on HTML routes", async () => {
    fake.addFault({ path: "/", times: 2, fault: { kind: "captcha" } });
    const api = await get();
    expect(api.status).toBe(200);
    expect(JSON.parse(api.body.toString())).toMatchObject({ type: CAPTCHA.apiType, code: CAPTCHA.apiCode });
    expect(JSON.parse(String(api.headers[CAPTCHA.apiHeader]))).toMatchObject({ type: "verify" });
    const page = (await get(`${fake.origin}/tag/travel`)).body.toString();
    expect(page).toContain(`<title>${CAPTCHA.pageTitle}</title>`);
    expect(page).toContain(`id="${CAPTCHA.mainPageId}"`);
    expect(page).not.toContain("__UNIVERSAL_DATA_FOR_REHYDRATION__");
  });

  it("malformed-json: half a real body that does not parse", async () => {
    const whole = (await get()).body;
    fake.addFault({ path: "item_list", fault: { kind: "malformed-json" } });
    const broken = await get();
    expect(broken.status).toBe(200);
    expect(broken.body.length).toBe(Math.floor(whole.length / 2));
    expect(whole.subarray(0, broken.body.length).equals(broken.body)).toBe(true);
    expect(() => JSON.parse(broken.body.toString())).toThrow(SyntaxError);
  });

  it("odd-items: the real page with entries no parser may accept put first in itemList", async () => {
    const whole = JSON.parse((await get()).body.toString()) as { itemList: unknown[]; cursor: string };
    fake.addFault({ path: "item_list", fault: { kind: "odd-items" } });
    const odd = JSON.parse((await get()).body.toString()) as { itemList: unknown[]; cursor: string };
    expect(odd.itemList).toHaveLength(ODD_ITEM_COUNT + whole.itemList.length);
    expect(odd.itemList.slice(ODD_ITEM_COUNT)).toEqual(whole.itemList);
    expect(odd.cursor).toBe(whole.cursor);
    expect(odd.itemList).toContainEqual({ id: "../../../../tmp/evil", desc: "a path" });
    expect(JSON.parse((await get()).body.toString())).toEqual(whole);
  });

  it("empty-page: no items, hasMore true, the same cursor", async () => {
    fake.addFault({ path: /item_list\/\?challengeID=\d+&cursor=30/u, fault: { kind: "empty-page" } });
    expect(JSON.parse((await get()).body.toString())).toMatchObject({
      itemList: [],
      hasMore: true,
      cursor: "30",
      statusCode: 0,
    });
    expect(JSON.parse((await get()).body.toString()).itemList).toHaveLength(30);
  });

  it("slow: the normal answer, late", async () => {
    fake.addFault({ path: "item_list", fault: { kind: "slow", ms: 400 } });
    const started = performance.now();
    const slow = await get();
    expect(performance.now() - started).toBeGreaterThanOrEqual(390);
    expect(JSON.parse(slow.body.toString()).itemList).toHaveLength(30);
  });

  it("cut-video: headers promise the whole file, the socket dies after afterBytes", async () => {
    const post = fake.corpus.posts("travel").find((item) => !item.imagePost)!;
    const cookie = await chainTokenCookie(proxied, "https://www.tiktok.com/tag/travel");
    fake.addFault({
      host: "v16-webapp-prime.tiktok.com",
      path: "/video/tos/",
      fault: { kind: "cut-video", afterBytes: 10_000 },
    });
    const response = await request(post.video.downloadAddr, {
      dispatcher: proxied,
      headers: { referer: "https://www.tiktok.com/", cookie },
    });
    expect(response.statusCode).toBe(200);
    expect(Number(response.headers["content-length"])).toBe(fake.corpus.videoSize(post.id));
    let received = 0;
    const started = performance.now();
    await expect(
      (async () => {
        for await (const chunk of response.body) received += (chunk as Buffer).length;
      })(),
    ).rejects.toThrow();
    expect(received).toBe(10_000);
    // A destroyed socket fails at once; a server that merely stopped writing would leave the client waiting.
    expect(performance.now() - started).toBeLessThan(2_000);
    const whole = await fetchBytes(proxied, post.video.downloadAddr, {
      headers: { referer: "https://www.tiktok.com/", cookie },
    });
    expect(whole.body.equals(fake.corpus.videoBytes(post.id))).toBe(true);
  });

  it("matches the host: www.tiktok.com rules cover the origin, m.tiktok.com rules do not", async () => {
    fake.addFault({ host: "m.tiktok.com", path: "item_list", fault: { kind: "rate-limit", retryAfter: 1 } });
    expect((await get()).status).toBe(200);
    fake.addFault({
      host: "www.tiktok.com",
      path: "item_list",
      fault: { kind: "rate-limit", retryAfter: 1 },
    });
    expect((await get()).status).toBe(429);
    expect((await fetchBytes(proxied, itemList.replace(fake.origin, "https://m.tiktok.com"))).status).toBe(
      429,
    );
  });

  it("can be steered over HTTP: POST and DELETE /__fake/faults", async () => {
    const post = (body: unknown) =>
      fetchBytes(direct, `${fake.origin}/__fake/faults`, {
        method: "POST",
        headers: { "content-type": "application/json" },
        body: JSON.stringify(body),
      });
    const added = await post([
      { path: "item_list", times: "inf", fault: { kind: "rate-limit", retryAfter: 3 } },
      { path: "/tag/", fault: { kind: "captcha" } },
    ]);
    expect(added.status).toBe(201);
    expect(JSON.parse(added.body.toString())).toEqual({ added: 2 });
    for (let index = 0; index < 3; index++) expect((await get()).status).toBe(429);
    expect((await get(`${fake.origin}/tag/travel`)).body.toString()).toContain(CAPTCHA.mainPageId);
    expect((await fetchBytes(direct, `${fake.origin}/__fake/faults`, { method: "DELETE" })).status).toBe(204);
    expect((await get()).status).toBe(200);

    const rejected = await post({ path: "item_list", fault: { kind: "explode" } });
    expect(rejected.status).toBe(400);
    expect(JSON.parse(rejected.body.toString()).error).toMatch(/^Invalid fault rule: fault\.kind: /u);
    const notJson = await fetchBytes(direct, `${fake.origin}/__fake/faults`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: "{oops",
    });
    expect(notJson.status).toBe(400);
    expect(fake.requests.some((record) => record.path.startsWith("/__fake"))).toBe(false);
  });
});
