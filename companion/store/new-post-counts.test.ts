import Database from "better-sqlite3";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { day } from "./co-occurrence-schema.ts";
import { dayOf } from "./day-cover.ts";
import { type CountSink, NewPostCounts } from "./new-post-counts.ts";
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

type Row = (string | number)[];
type Rows = Record<keyof CountSink, Row[]>;

/** The rows drain() hands over, per table, in the order it hands them. */
const drained = (counts: NewPostCounts, numberOf: (tag: string) => number | undefined): Rows => {
  const rows: Rows = { day: [], tag: [], total: [], span: [], numberTotal: [], unnumbered: [] };
  const into =
    (name: keyof CountSink) =>
    (...values: Row) => {
      rows[name].push(values);
    };
  counts.drain(numberOf, {
    day: into("day"),
    tag: into("tag"),
    total: into("total"),
    span: into("span"),
    numberTotal: into("numberTotal"),
    unnumbered: into("unnumbered"),
  });
  return rows;
};

const sorted = (rows: Row[]) => [...rows].sort();

describe("NewPostCounts", () => {
  const NUMBERS = new Map([
    ["travel", 3],
    ["fyp", 1],
    ["ünï", 7],
  ]);

  it("sums posts per hashtag and day, tags per hashtag, day and tag, all time and per span by number, and starts again after drain", () => {
    const counts = new NewPostCounts();
    counts.add("travel", 86_400 + 5, ["travel", "fyp"]);
    counts.add("travel", 86_400 * 2 - 1, ["fyp"]);
    counts.add("travel", 86_400 * 9, ["fyp"]);
    counts.add("travel", -1, []);
    counts.add("food", 86_400, ["fyp", "ünï"]);
    expect(counts.size).toBe(4 + 5);
    const rows = drained(counts, (tag) => NUMBERS.get(tag));
    // Days in order, per hashtag.
    expect(rows.day).toEqual([
      ["travel", -1, 1],
      ["travel", 1, 2],
      ["travel", 9, 1],
      ["food", 1, 1],
    ]);
    expect(sorted(rows.tag)).toEqual(
      sorted([
        ["travel", 1, "fyp", 2],
        ["travel", 1, "travel", 1],
        ["travel", 9, "fyp", 1],
        ["food", 1, "fyp", 1],
        ["food", 1, "ünï", 1],
      ]),
    );
    expect(sorted(rows.total)).toEqual(
      sorted([
        ["travel", "fyp", 3],
        ["travel", "travel", 1],
        ["food", "fyp", 1],
        ["food", "ünï", 1],
      ]),
    );
    expect(sorted(rows.numberTotal)).toEqual(
      sorted([
        ["travel", 1, 3],
        ["travel", 3, 1],
        ["food", 1, 1],
        ["food", 7, 1],
      ]),
    );
    expect(sorted(rows.span)).toEqual(
      [
        ["travel", 1, 1, 1, 2],
        ["travel", 1, 1, 3, 1],
        ["travel", 1, 9, 1, 1],
        ["travel", 8, 0, 1, 2],
        ["travel", 8, 0, 3, 1],
        ["travel", 8, 1, 1, 1],
        ["travel", 64, 0, 1, 3],
        ["travel", 64, 0, 3, 1],
        ["food", 1, 1, 1, 1],
        ["food", 1, 1, 7, 1],
        ["food", 8, 0, 1, 1],
        ["food", 8, 0, 7, 1],
        ["food", 64, 0, 1, 1],
        ["food", 64, 0, 7, 1],
      ].sort(),
    );
    expect(rows.unnumbered).toEqual([]);
    expect(counts.size).toBe(0);
    expect(drained(counts, () => 1)).toEqual({
      day: [],
      tag: [],
      total: [],
      span: [],
      numberTotal: [],
      unnumbered: [],
    });
  });

  it("puts spans of days before 1970 where SQL's floor division does", () => {
    const counts = new NewPostCounts();
    counts.add("travel", -86_400 * 8 - 1, ["fyp"]);
    const spans = drained(counts, () => 1).span.map(([, days, span]) => [days, span]);
    expect(spans).toEqual([
      [1, -9],
      [8, -2],
      [64, -1],
    ]);
  });

  it("leaves the tags without a number to SQL, out of every other row of theirs", () => {
    const counts = new NewPostCounts();
    counts.add("travel", 5, ["fyp", "new"]);
    const rows = drained(counts, (tag) => NUMBERS.get(tag));
    expect(rows.unnumbered).toEqual([["travel", 0, "new", 1]]);
    expect(rows.tag).toEqual([["travel", 0, "fyp", 1]]);
    expect(rows.total).toEqual([["travel", "fyp", 1]]);
    expect(rows.numberTotal).toEqual([["travel", 1, 1]]);
    expect(rows.span.length).toBe(3);
    expect(rows.span.every(([, , , number]) => number === 1)).toBe(true);
    expect(rows.day).toEqual([["travel", 0, 1]]);
  });

  it("forgets its sums on clear", () => {
    const counts = new NewPostCounts();
    counts.add("travel", 5, ["fyp"]);
    counts.clear();
    expect(counts.size).toBe(0);
    expect(drained(counts, () => 1).day).toEqual([]);
  });

  it("refuses a sort time that is not a whole number", () => {
    expect(() => new NewPostCounts().add("travel", 1.5, [])).toThrow(/not a whole number/u);
  });
});
