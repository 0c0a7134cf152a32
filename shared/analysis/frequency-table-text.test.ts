import { describe, expect, it } from "vitest";
import { formatFrequencyTable } from "./frequency-table-text.ts";

describe("formatFrequencyTable", () => {
  it("prints the seed's layout: padded header (trailing spaces included), rows, total", () => {
    const text = formatFrequencyTable({
      hashtag: "london",
      totalPosts: 962,
      rows: [
        { rank: 0, hashtag: "london", count: 962, ratio: 1 },
        { rank: 1, hashtag: "fyp", count: 493, ratio: 493 / 962 },
        { rank: 2, hashtag: "fypシ", count: 85, ratio: 85 / 962 },
        {
          rank: 10,
          hashtag: "averyveryverylonghashtagthatexceedsthirtycharacters",
          count: 1,
          ratio: 1 / 962,
        },
      ],
    });
    // Each line as Python's "{:<8} {:<30} {:<15} {:.4f}".format(...) prints it.
    expect(text.split("\n")).toEqual([
      "Rank     Hashtag                        Occurrences     Frequency      ",
      "0        london                         962             1.0000",
      "1        fyp                            493             0.5125",
      "2        fypシ                           85              0.0884",
      "10       averyveryverylonghashtagthatexceedsthirtycharacters 1               0.0010",
      "Total posts: 962",
      "",
    ]);
  });
});
