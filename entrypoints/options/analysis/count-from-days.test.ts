import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { hashtagDaysOf } from "../../common/mirror/hashtag-days.ts";
import { NO_FILTER } from "../selection/selection.ts";
import { type CountablePost, countHashtag } from "./analyse-hashtag.ts";
import { countFromDays, coversWholeDays } from "./count-from-days.ts";

const DAY = 86_400;
const T0 = 1_735_689_600; // 2025-01-01

const post = fc.record({
  id: fc.string({ minLength: 1, maxLength: 3 }),
  createTime: fc.option(fc.integer({ min: T0 - 3 * DAY, max: T0 + 10 * DAY }), { nil: null }),
  hashtags: fc.array(fc.constantFrom("travel", "Travel", "#food", "food", "sea", "Ünï", "", " x "), {
    maxLength: 5,
  }),
});
const wholeDay = fc.integer({ min: -4, max: 12 }).map((offset) => T0 + offset * DAY);
const range = fc.record(
  { since: wholeDay, until: wholeDay.map((start) => start + DAY - 1) },
  { requiredKeys: [] },
);

describe("countFromDays", () => {
  it("gives countHashtag's table and posts per day for any posts, n and range of whole days", () => {
    fc.assert(
      fc.property(
        fc.uniqueArray(post, { selector: (p) => p.id, maxLength: 40 }),
        fc.integer({ min: 1, max: 8 }),
        range,
        fc.constantFrom("travel", "#Food", "absent"),
        (posts: CountablePost[], n, dateRange, hashtag) => {
          const days = hashtagDaysOf(
            posts.map((p) => ({ hashtag, createTime: p.createTime, tags: p.hashtags })),
          );
          const request = { selection: { hashtag, range: dateRange, filter: NO_FILTER }, n };
          expect(countFromDays(days, request)).toEqual(countHashtag(posts, request));
        },
      ),
      { numRuns: 300 },
    );
  });

  it("refuses a range that does not cover whole days, which only the posts can answer", () => {
    expect(coversWholeDays({ since: T0, until: T0 + DAY - 1 })).toBe(true);
    expect(coversWholeDays({ since: T0 + 5 })).toBe(false);
    expect(coversWholeDays({ until: T0 + DAY })).toBe(false);
    const request = { selection: { hashtag: "travel", range: { since: T0 + 5 }, filter: NO_FILTER }, n: 5 };
    expect(() => countFromDays([], request)).toThrow("whole days");
  });
});
