import type { ProxyAgent } from "undici";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startFakeTikTok } from "./index.ts";
import type { ItemStruct } from "./item-struct.ts";
import { chainTokenCookie, fetchBytes, proxyClient } from "./testing/clients.ts";
import type { FakeTikTok } from "./types.ts";

describe("CDN", () => {
  let fake: FakeTikTok;
  let client: ProxyAgent;
  let video: ItemStruct;
  let gallery: ItemStruct;
  let allowed: Record<string, string>;
  let size: number;

  beforeAll(async () => {
    fake = await startFakeTikTok({ seed: 4, tags: { travel: 60 }, videoBytes: { min: 30_000, max: 40_000 } });
    client = proxyClient(fake);
    video = fake.corpus.posts("travel").find((post) => !post.imagePost)!;
    gallery = fake.corpus.posts("travel").find((post) => post.imagePost)!;
    size = fake.corpus.videoSize(video.id);
    const cookie = await chainTokenCookie(
      client,
      `https://www.tiktok.com/@${video.author.uniqueId}/video/${video.id}`,
    );
    allowed = { referer: "https://www.tiktok.com/", cookie };
  });
  afterAll(async () => {
    await client.close();
    await fake.close();
  });

  const get = (url: string, headers: Record<string, string> = allowed, method: "GET" | "HEAD" = "GET") =>
    fetchBytes(client, url, { headers, method });

  it("serves the whole mp4 to a client that came from a tiktok.com page", async () => {
    const response = await get(video.video.playAddr);
    expect(response.status).toBe(200);
    expect(response.headers["content-type"]).toBe("video/mp4");
    expect(response.headers["accept-ranges"]).toBe("bytes");
    expect(Number(response.headers["content-length"])).toBe(size);
    expect(response.body.equals(fake.corpus.videoBytes(video.id))).toBe(true);
    expect((await get(video.video.downloadAddr)).body.equals(response.body)).toBe(true);
  });

  it("refuses (403) without a www.tiktok.com Referer or without a tt_chain_token it issued", async () => {
    expect((await get(video.video.playAddr, { cookie: allowed.cookie! })).status).toBe(403);
    expect((await get(video.video.playAddr, { ...allowed, referer: "https://evil.example/" })).status).toBe(
      403,
    );
    expect((await get(video.video.playAddr, { referer: allowed.referer! })).status).toBe(403);
    expect((await get(video.video.playAddr, { ...allowed, cookie: "tt_chain_token=forged" })).status).toBe(
      403,
    );
  });

  it("answers Range requests with 206 and Content-Range", async () => {
    const bytes = fake.corpus.videoBytes(video.id);
    const cases: [string, number, number][] = [
      ["bytes=0-99", 0, 99],
      ["bytes=1000-", 1000, size - 1],
      ["bytes=-500", size - 500, size - 1],
      [`bytes=${size - 10}-${size + 1000}`, size - 10, size - 1],
    ];
    for (const [range, start, end] of cases) {
      const response = await get(video.video.playAddr, { ...allowed, range });
      expect(response.status).toBe(206);
      expect(response.headers["content-range"]).toBe(`bytes ${start}-${end}/${size}`);
      expect(response.body.equals(bytes.subarray(start, end + 1))).toBe(true);
    }
  });

  it("answers 416 to a range past the end, and the whole file to ranges it does not serve", async () => {
    const unsatisfiable = await get(video.video.playAddr, { ...allowed, range: `bytes=${size}-` });
    expect(unsatisfiable.status).toBe(416);
    expect(unsatisfiable.headers["content-range"]).toBe(`bytes */${size}`);
    expect((await get(video.video.playAddr, { ...allowed, range: "bytes=0-1,5000-6000" })).status).toBe(200);
    expect((await get(video.video.playAddr, { ...allowed, range: "pages=1-2" })).status).toBe(200);
  });

  it("tells the size on HEAD", async () => {
    const head = await get(video.video.playAddr, allowed, "HEAD");
    expect(head.status).toBe(200);
    expect(Number(head.headers["content-length"])).toBe(size);
    expect(head.body).toHaveLength(0);
  });

  it("has no video for galleries or unknown ids", async () => {
    expect((await get(`https://v16-webapp-prime.tiktok.com/video/tos/${gallery.id}/play.mp4`)).status).toBe(
      404,
    );
    expect((await get("https://v16-webapp-prime.tiktok.com/video/tos/123/play.mp4")).status).toBe(404);
  });

  it("serves gallery images, covers, avatars and music from the tiktokcdn hosts", async () => {
    const urls = [
      gallery.imagePost!.images[0]!.imageURL.urlList[0]!,
      video.video.cover,
      video.author.avatarThumb,
    ];
    for (const url of urls) {
      const image = await get(url, {});
      expect(image.status).toBe(200);
      expect(image.headers["content-type"]).toBe("image/jpeg");
      expect(image.body.subarray(0, 2)).toEqual(Buffer.from([0xff, 0xd8]));
    }
    const music = fake.corpus.posts("travel").find((post) => post.music)!.music!;
    const audio = await get(music.playUrl, {});
    expect(audio.headers["content-type"]).toBe("audio/mpeg");
    expect(audio.body.subarray(0, 3).toString()).toBe("ID3");
  });
});
