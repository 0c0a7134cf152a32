import Database from "better-sqlite3";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { day } from "./co-occurrence-schema.ts";
import { dayOf } from "./day-cover.ts";
import { NewPostCounts } from "./new-post-counts.ts";
import { UNDATED } from "./schema.ts";

describe("dayOf", () => {
  it("gives the day SQL's day() gives, before 1970, at day boundaries and for undated posts", () => {
    const db = new Database(":memory:");
    const sql = db
      .prepare<[number], number>(`SELECT ${day("t")} FROM (SELECT CAST(? AS INTEGER) AS t)`)
      .pluck();
    for (const t of [0, 1, -1, 86_399, 86_400, -86_400, -86_401, 1_700_000_000, UNDATED])
      expect(dayOf(t)).toBe(sql.get(t));
    fc.assert(
      fc.property(fc.integer({ min: -(2 ** 40), max: 2 ** 40 }), (t) => {
        expect(dayOf(t)).toBe(sql.get(t));
      }),
    );
    db.close();
  });
});

describe("NewPostCounts", () => {
  it("sums posts per hashtag and day and tags per hashtag, day and tag, and starts again after drain", () => {
    const counts = new NewPostCounts();
    counts.add("travel", 86_400 + 5, ["travel", "fyp"]);
    counts.add("travel", 86_400 * 2 - 1, ["fyp"]);
    counts.add("travel", -1, []);
    counts.add("food", 86_400, ["fyp", "ünï"]);
    expect(counts.size).toBe(3 + 4);
    const { days, tags } = counts.drain();
    expect(days.sort()).toEqual(
      [
        ["food", 1, 1],
        ["travel", -1, 1],
        ["travel", 1, 2],
      ].sort(),
    );
    expect(tags.sort()).toEqual(
      [
        ["food", 1, "fyp", 1],
        ["food", 1, "ünï", 1],
        ["travel", 1, "fyp", 2],
        ["travel", 1, "travel", 1],
      ].sort(),
    );
    expect(counts.size).toBe(0);
    expect(counts.drain()).toEqual({ days: [], tags: [] });
  });

  it("refuses a sort time that is not a whole number", () => {
    expect(() => new NewPostCounts().add("travel", 1.5, [])).toThrow(/not a whole number/u);
  });
});
