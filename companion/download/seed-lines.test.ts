import { describe, expect, it } from "vitest";
import { batches } from "./batches.ts";
import { hashtagsToScrapeLine, scrapedLine, totalLine } from "./seed-lines.ts";

describe("seed lines", () => {
  it("prints what the seed printed", () => {
    expect(hashtagsToScrapeLine(["travel", "東京"])).toBe("Hashtags to scrape: ['travel', '東京']");
    expect(scrapedLine(120, "posts", "travel", 15)).toBe(
      "Scraped 120 posts containing the hashtag 'travel' (15 new)",
    );
    expect(scrapedLine(3, "videos", "food", 0)).toBe(
      "Scraped 3 videos containing the hashtag 'food' (0 new)",
    );
    expect(totalLine(42)).toBe("Successfully scraped 42 total entries");
  });
});

async function* items(count: number, failAfter?: number) {
  for (let index = 1; index <= count; index += 1) {
    if (index === failAfter) throw new Error("captcha");
    yield index;
  }
}

describe("batches", () => {
  it("groups a stream", async () => {
    const seen: number[][] = [];
    for await (const batch of batches(items(7), 3)) seen.push(batch);
    expect(seen).toEqual([[1, 2, 3], [4, 5, 6], [7]]);
  });

  it("hands out what arrived before an error, then throws it", async () => {
    const seen: number[][] = [];
    const consume = async () => {
      for await (const batch of batches(items(10, 6), 3)) seen.push(batch);
    };
    await expect(consume()).rejects.toThrow("captcha");
    expect(seen).toEqual([
      [1, 2, 3],
      [4, 5],
    ]);
  });
});
