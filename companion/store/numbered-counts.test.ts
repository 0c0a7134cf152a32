import { describe, expect, it } from "vitest";
import { rankHashtags } from "../../shared/analysis/hashtag-frequencies.ts";
import { numberedCounts } from "./numbered-counts.ts";
import type { tagNames } from "./tag-names.ts";

/** tag_ids as a fixture, recording every number it is asked to name. */
const fixtureNames = (tags: Record<number, string>) => {
  const asked: number[][] = [];
  const names: ReturnType<typeof tagNames> = {
    largestNumber: () => Math.max(0, ...Object.keys(tags).map(Number)),
    numberOf: (tag) => {
      const found = Object.entries(tags).find(([, text]) => text === tag);
      return found === undefined ? undefined : Number(found[0]);
    },
    namesOf: (ids) => {
      asked.push([...ids]);
      return ids.map((id) => {
        const tag = tags[id];
        if (tag === undefined) throw new Error(`tag number ${id} has no row in tag_ids`);
        return tag;
      });
    },
  };
  return { names, asked };
};

const TAGS = { 1: "travel", 2: "food", 3: "fyp", 5: "cats", 9: "unused" };
const numbered = () => ({ numbers: Float64Array.of(1, 2, 3, 5), sums: Float64Array.of(10, 4, 7, 4) });

describe("numberedCounts", () => {
  it("puts the tags counted by text first, then the numbered ones, and names only the indexes asked for", () => {
    const { names, asked } = fixtureNames(TAGS);
    const counts = numberedCounts(names, 10, new Map([["rare", 2]]), numbered(), false);
    expect(Array.from(counts.countsByIndex)).toEqual([2, 10, 4, 7, 4]);
    expect(asked).toEqual([]);
    expect(counts.tagsAt([3, 0, 4])).toEqual(["fyp", "rare", "cats"]);
    expect(asked).toEqual([[3, 5]]);
    expect(counts.indexOf("rare")).toBe(0);
    expect(counts.indexOf("food")).toBe(2);
    expect(counts.indexOf("unused")).toBe(-1);
    expect(counts.indexOf("never")).toBe(-1);
  });

  it("names every tag once for the map, in index order, and ranks as the map does", () => {
    const { names, asked } = fixtureNames(TAGS);
    const counts = numberedCounts(names, 10, new Map([["rare", 2]]), numbered(), false);
    const table = rankHashtags(counts, "travel", 3);
    expect(table.rows.map((row) => [row.hashtag, row.count])).toEqual([
      ["travel", 10],
      ["fyp", 7],
      ["cats", 4],
    ]);
    // fyp, and the two tied at the last count shown: travel and rare are not named.
    expect(asked).toEqual([[2, 3, 5]]);
    expect([...counts.counts]).toEqual([
      ["rare", 2],
      ["travel", 10],
      ["food", 4],
      ["fyp", 7],
      ["cats", 4],
    ]);
    expect(counts.counts).toBe(counts.counts);
    expect(asked).toHaveLength(2);
    expect(rankHashtags({ totalPosts: 10, counts: counts.counts }, "travel", 3)).toEqual(table);
  });

  it("names every tag at once when asked to (counts taken inside a transaction), and never again", () => {
    const { names, asked } = fixtureNames(TAGS);
    const counts = numberedCounts(names, 10, new Map(), numbered(), true);
    expect(asked).toEqual([[1, 2, 3, 5]]);
    expect(counts.tagsAt([1])).toEqual(["food"]);
    expect(counts.counts.get("cats")).toBe(4);
    expect(asked).toHaveLength(1);
  });

  it("refuses an index outside the counts", () => {
    const { names } = fixtureNames(TAGS);
    const counts = numberedCounts(names, 10, new Map(), numbered(), false);
    for (const index of [-1, 4, 1.5]) expect(() => counts.tagsAt([index])).toThrow(RangeError);
  });
});
