import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { hashtagDaysOf } from "../../common/mirror/hashtag-days.ts";
import type { CountablePost } from "./analyse-hashtag.ts";
import { analyseTrends } from "./network-and-trends.ts";
import { trendsFromDays } from "./trends-from-days.ts";

const DAY = 86_400;
const MONDAY = 1_735_516_800; // 2024-12-30

const post = fc.record({
  id: fc.string({ minLength: 1, maxLength: 3 }),
  createTime: fc.option(fc.integer({ min: MONDAY - 9 * DAY, max: MONDAY + 20 * DAY }), { nil: null }),
  hashtags: fc.array(fc.constantFrom("travel", "Travel", "#food", "food", "sea", "Ünï", "", " x "), {
    maxLength: 5,
  }),
});
const wholeDay = fc.integer({ min: -10, max: 22 }).map((offset) => MONDAY + offset * DAY);
const range = fc.record(
  { since: wholeDay, until: wholeDay.map((start) => start + DAY - 1) },
  { requiredKeys: [] },
);
const monday = fc
  .integer({ min: -2, max: 3 })
  .map((week) => new Date((MONDAY + week * 7 * DAY) * 1000).toISOString().slice(0, 10));

describe("trendsFromDays", () => {
  it("gives the trends counted from the posts, for any posts, period, top, range of whole days and comparison", () => {
    fc.assert(
      fc.property(
        fc.uniqueArray(post, { selector: (p) => p.id, maxLength: 40 }),
        fc.constantFrom("day", "week"),
        fc.integer({ min: 0, max: 5 }),
        range,
        fc.option(fc.record({ before: monday, after: monday }), { nil: undefined }),
        fc.constantFrom("travel", "#Food", "absent"),
        (posts: CountablePost[], period, top, dateRange, compare, hashtag) => {
          const days = hashtagDaysOf(
            posts.map((p) => ({ hashtag, createTime: p.createTime, tags: p.hashtags })),
          );
          // Days are not Mondays: a comparison of days names the days themselves.
          const request = {
            hashtag,
            range: dateRange,
            period,
            top,
            ...(compare && period === "week" ? { compare } : {}),
          };
          expect(trendsFromDays(days, request)).toEqual(analyseTrends(posts, request));
        },
      ),
      { numRuns: 300 },
    );
  });

  it("refuses a range that does not cover whole days", () => {
    expect(() =>
      trendsFromDays([], { hashtag: "travel", range: { since: MONDAY + 5 }, period: "day", top: 3 }),
    ).toThrow(/whole days/);
  });
});
