import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { parseDocument } from "../../shared/post/parse-any.ts";
import type { Post } from "../../shared/post/post.ts";
import { cookieHeaderFor, cookiesFromSetCookie } from "./cookie-jar.ts";
import { mediaPlan } from "./media-plan.ts";

const posts: Post[] = parseDocument(
  JSON.parse(
    readFileSync(new URL("../../shared/post/fixtures/item-list-response.json", import.meta.url), "utf8"),
  ),
).flatMap((result) => (result.ok ? [result.post] : []));

const video = posts.find((post) => post.images.length === 0 && post.video.downloadAddr);
const withVideo = (changes: Partial<Post["video"]>): Post => ({
  ...(video as Post),
  video: { ...(video as Post).video, ...changes },
});

describe("mediaPlan", () => {
  it("plans one mp4 per video post, downloadAddr first, playAddr as fallback", () => {
    const post = withVideo({ downloadAddr: "https://cdn/d.mp4", playAddr: "https://cdn/p.mp4" });
    expect(mediaPlan(post)).toEqual([
      { kind: "video", fileName: `${post.id}.mp4`, urls: ["https://cdn/d.mp4", "https://cdn/p.mp4"] },
    ]);
    expect(mediaPlan(withVideo({ downloadAddr: null, playAddr: "https://cdn/p.mp4" }))[0]?.urls).toEqual([
      "https://cdn/p.mp4",
    ]);
  });

  it("plans images and the sound for a gallery, named like the seed", () => {
    const gallery: Post = {
      ...(video as Post),
      id: "7300000000000000001",
      images: ["https://cdn/1.jpeg", "https://cdn/2.jpeg"],
      music: { ...(video as Post).music, playUrl: "https://cdn/m.mp3" },
    };
    expect(mediaPlan(gallery)).toEqual([
      { kind: "image", fileName: "7300000000000000001_00.jpg", urls: ["https://cdn/1.jpeg"] },
      { kind: "image", fileName: "7300000000000000001_01.jpg", urls: ["https://cdn/2.jpeg"] },
      { kind: "audio", fileName: "7300000000000000001.mp3", urls: ["https://cdn/m.mp3"] },
    ]);
  });

  it.each(["../../../../tmp/x", "1/../2", "", "٣٠٠"])("names no file after the id %j", (id) => {
    expect(() => mediaPlan({ ...(video as Post), id })).toThrow(
      /^Refusing to name media files after post the id/u,
    );
  });
});

describe("cookie jar", () => {
  it("sends domain cookies to subdomains and host-only cookies to their host", () => {
    const cookies = [
      ...cookiesFromSetCookie("https://www.tiktok.com/", [
        "tt_chain_token=abc; Domain=.tiktok.com; Path=/; Secure; HttpOnly",
        "host_only=1; Path=/",
      ]),
      { name: "other", value: "x", domain: ".example.com" },
    ];
    expect(cookieHeaderFor("https://v16-webapp-prime.tiktok.com/video/1", cookies)).toBe(
      "tt_chain_token=abc",
    );
    expect(cookieHeaderFor("https://www.tiktok.com/tag/x", cookies)).toBe("tt_chain_token=abc; host_only=1");
    expect(cookieHeaderFor("https://nottiktok.com/", cookies)).toBe("");
  });
  it("lets a later cookie of the same name win", () => {
    const cookies = [
      { name: "a", value: "old", domain: ".tiktok.com" },
      { name: "a", value: "new", domain: ".tiktok.com" },
    ];
    expect(cookieHeaderFor("https://www.tiktok.com/", cookies)).toBe("a=new");
  });
});
