import { describe, expect, it } from "vitest";
import type { HashtagReport } from "./download-types.ts";
import { summaryLine } from "./summary-line.ts";

const report = (hashtag: string, change: Partial<HashtagReport> = {}): HashtagReport => ({
  hashtag,
  posts: null,
  videos: null,
  errors: [],
  ...change,
});

describe("summaryLine", () => {
  it("is the seed's line when nothing failed", () => {
    expect(summaryLine(12, [report("travel"), report("food")])).toBe("Successfully scraped 12 total entries");
  });

  it("never claims success for a failed download -v, and names what failed", () => {
    const failed = report("travel", {
      videos: { downloaded: 0, skipped: 0, failed: 2, total: 0 },
      errors: ["video 1.mp4: the server answered HTTP 404", "video 2.mp4: the server answered HTTP 404"],
    });
    const noSession = report("food", { errors: ["The scraper source cannot download media"] });
    expect(summaryLine(0, [failed, report("news"), noSession])).toBe(
      "Finished with errors, 0 new entries stored; " +
        "#travel: 2 videos failed, first: video 1.mp4: the server answered HTTP 404 (and 1 more, see the warnings above); " +
        "#food: The scraper source cannot download media",
    );
  });
});
