import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  countHashtags,
  hashtagFrequencies,
  type IndexedCounts,
  indexCounts,
  rankHashtags,
} from "./hashtag-frequencies.ts";

const posts = [
  { id: "1", hashtags: ["travel", "Egypt", "cairo"] },
  { id: "2", hashtags: ["travel", "egypt", "EGYPT"] },
  { id: "3", hashtags: ["travel", "zebra", "alpha"] },
  { id: "3", hashtags: ["travel", "duplicate-post"] },
  { id: "4", hashtags: ["#Cafe\u0301"] },
];

describe("countHashtags", () => {
  it("counts each tag once per distinct post, case-folded and NFC", () => {
    const counts = countHashtags(posts);
    expect(counts.totalPosts).toBe(4);
    expect(Object.fromEntries(counts.counts)).toEqual({
      travel: 3,
      egypt: 2,
      cairo: 1,
      zebra: 1,
      alpha: 1,
      café: 1,
    });
  });
});

describe("hashtagFrequencies", () => {
  it("puts the hashtag at rank 0, then by count, ties by hashtag, n rows in all", () => {
    expect(hashtagFrequencies(posts, "#Travel", 4)).toEqual({
      hashtag: "travel",
      totalPosts: 4,
      rows: [
        { rank: 0, hashtag: "travel", count: 3, ratio: 0.75 },
        { rank: 1, hashtag: "egypt", count: 2, ratio: 0.5 },
        { rank: 2, hashtag: "alpha", count: 1, ratio: 0.25 },
        { rank: 3, hashtag: "cafe\u0301".normalize("NFC"), count: 1, ratio: 0.25 },
      ],
    });
  });

  it("shows the hashtag at rank 0 even when no post carries it in its text", () => {
    const table = hashtagFrequencies([{ id: "1", hashtags: ["fyp"] }], "travel");
    expect(table.rows).toEqual([
      { rank: 0, hashtag: "travel", count: 0, ratio: 0 },
      { rank: 1, hashtag: "fyp", count: 1, ratio: 1 },
    ]);
  });

  it("defaults to the seed's 20 rows and refuses n below 1", () => {
    const many = [{ id: "1", hashtags: Array.from({ length: 30 }, (_, i) => `tag${i}`) }];
    expect(hashtagFrequencies(many, "tag0").rows).toHaveLength(20);
    expect(() => rankHashtags({ totalPosts: 0, counts: new Map() }, "x", 0)).toThrow(/at least 1/);
  });

  it("does not depend on the order of the posts", () => {
    fc.assert(
      fc.property(fc.array(fc.array(fc.constantFrom("a", "b", "c", "d", "x"))), (tagLists) => {
        const list = tagLists.map((hashtags, index) => ({ id: String(index), hashtags }));
        expect(hashtagFrequencies(list, "x", 3)).toEqual(hashtagFrequencies([...list].reverse(), "x", 3));
      }),
    );
  });

  it("shows the same rows as ranking every hashtag, however many tie at the last count shown", () => {
    const everyHashtagRanked = (counts: Map<string, number>, self: string, n: number) =>
      [...counts]
        .filter(([tag]) => tag !== self)
        .sort(([a, countA], [b, countB]) => countB - countA || (a < b ? -1 : a > b ? 1 : 0))
        .slice(0, n - 1)
        .map(([hashtag, count]) => [hashtag, count]);
    fc.assert(
      fc.property(
        fc.dictionary(
          fc.stringMatching(/^[a-f]{1,3}$/),
          fc.oneof(fc.integer({ min: 0, max: 4 }), fc.integer({ min: 0, max: 1000 })),
        ),
        fc.integer({ min: 1, max: 30 }),
        (record, n) => {
          const counts = new Map(Object.entries(record));
          const table = rankHashtags({ totalPosts: 10, counts }, "a", n);
          expect(table.rows.slice(1).map((row) => [row.hashtag, row.count])).toEqual(
            everyHashtagRanked(counts, "a", n),
          );
        },
      ),
    );
  });

  it("ranks counts by index as the map they stand for, naming only the tags at or above the last count shown", () => {
    fc.assert(
      fc.property(
        fc.dictionary(fc.stringMatching(/^[a-f]{1,3}$/), fc.integer({ min: 1, max: 4 })),
        fc.integer({ min: 1, max: 30 }),
        (record, n) => {
          const counts = new Map(Object.entries(record));
          const asked: number[] = [];
          const indexed = indexCounts({ totalPosts: 10, counts });
          const watched: IndexedCounts = {
            ...indexed,
            tagsAt: (indexes) => {
              asked.push(...indexes);
              return indexed.tagsAt(indexes);
            },
          };
          const table = rankHashtags(watched, "a", n);
          expect(table).toEqual(rankHashtags({ totalPosts: 10, counts }, "a", n));
          const lastShown = table.rows.length > 1 ? table.rows.at(-1)!.count : Number.POSITIVE_INFINITY;
          for (const index of asked) {
            expect(indexed.countsByIndex[index]).toBeGreaterThanOrEqual(lastShown);
            expect(indexed.tagsAt([index])).not.toEqual(["a"]);
          }
        },
      ),
    );
  });
});
