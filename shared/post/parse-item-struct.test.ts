import { describe, expect, it } from "vitest";
import { parseItemStruct } from "./parse-item-struct.ts";

const source = { kind: "web-api", url: null, collectedAt: null } as const;
const parsed = (item: Record<string, unknown>) => {
  const result = parseItemStruct({ id: "7300000000000000001", ...item }, source);
  if (!result.ok) throw new Error(result.reason);
  return result.post;
};

describe("exact counts", () => {
  it("takes statsV2's exact strings over stats' rounded numbers, for every count", () => {
    const post = parsed({
      stats: {
        playCount: 1200000,
        diggCount: 59100,
        shareCount: 1000,
        commentCount: 2300,
        collectCount: 4500,
      },
      statsV2: {
        playCount: "1234567",
        diggCount: "59149",
        shareCount: "1012",
        commentCount: "2345",
        collectCount: "4519",
      },
      authorStats: { followerCount: 12000 },
      authorStatsV2: { followerCount: "12034" },
    });
    expect(post.stats).toEqual({ plays: 1234567, likes: 59149, shares: 1012, comments: 2345, saves: 4519 });
    expect(post.author.followers).toBe(12034);
  });

  it("falls back to stats where statsV2 lacks a count or holds no number", () => {
    const post = parsed({
      stats: { playCount: 10, diggCount: 5, collectCount: 2 },
      statsV2: { playCount: "", diggCount: "n/a" },
    });
    expect(post.stats).toMatchObject({ plays: 10, likes: 5, saves: 2 });
  });
});

describe("video URLs", () => {
  const bitrateInfo = [
    { Bitrate: 500000, GearName: "normal_540_0", PlayAddr: { UrlList: ["https://v.example/540.mp4"] } },
    {
      Bitrate: 1500000,
      GearName: "normal_1080_0",
      PlayAddr: { UrlList: ["https://v.example/1080.mp4", "https://v2.example/1080.mp4"] },
    },
    { Bitrate: 3000000, GearName: "broken", PlayAddr: { UrlList: [] } },
  ];

  it("takes the highest-bitrate rendition when playAddr and downloadAddr are empty", () => {
    const post = parsed({ video: { playAddr: "", downloadAddr: "", bitrateInfo } });
    expect(post.video).toMatchObject({
      playAddr: "https://v.example/1080.mp4",
      downloadAddr: "https://v.example/1080.mp4",
    });
  });

  it("keeps the given addresses when there are some", () => {
    const post = parsed({ video: { playAddr: "https://v.example/play", downloadAddr: "", bitrateInfo } });
    expect(post.video).toMatchObject({
      playAddr: "https://v.example/play",
      downloadAddr: "https://v.example/1080.mp4",
    });
  });

  it("leaves them unknown when no rendition has a URL", () => {
    expect(
      parsed({ video: { bitrateInfo: [{ Bitrate: 1, PlayAddr: {} }, null] } }).video.playAddr,
    ).toBeNull();
  });
});
