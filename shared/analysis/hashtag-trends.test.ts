import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { normaliseHashtag } from "../hashtag/hashtag.ts";
import { hashtagTrends, periodRange, periodStart, trendSeries } from "./hashtag-trends.ts";
import { inTimeRange } from "./time-range.ts";

const at = (iso: string) => Date.parse(iso) / 1000;

const posts = [
  { id: "1", createTime: at("2025-01-06T10:00:00Z"), hashtags: ["travel", "Egypt", "cairo"] },
  { id: "2", createTime: at("2025-01-07T23:59:59Z"), hashtags: ["travel", "egypt"] },
  { id: "2", createTime: at("2025-01-07T23:59:59Z"), hashtags: ["duplicate"] },
  { id: "3", createTime: at("2025-01-19T00:00:00Z"), hashtags: ["travel", "paris", "cairo"] },
  { id: "4", createTime: null, hashtags: ["travel", "egypt"] },
];

describe("periods", () => {
  it("starts weeks on Monday, UTC", () => {
    expect(new Date(periodStart(at("2025-01-12T23:59:59Z"), "week") * 1000).toISOString()).toBe(
      "2025-01-06T00:00:00.000Z",
    );
    expect(new Date(periodStart(at("2025-01-13T00:00:00Z"), "week") * 1000).toISOString()).toBe(
      "2025-01-13T00:00:00.000Z",
    );
    expect(periodRange("2025-01-06", "week")).toEqual({
      since: at("2025-01-06T00:00:00Z"),
      until: at("2025-01-12T23:59:59Z"),
    });
    expect(() => periodRange("2025-01-07", "week")).toThrow(/not a Monday/);
    expect(() => periodRange("January", "day")).toThrow(/YYYY-MM-DD/);
  });
});

describe("hashtagTrends", () => {
  it("counts posts per week, empty weeks included, and the top co-hashtags' shares", () => {
    const trends = hashtagTrends(posts, "travel", { period: "week", top: 2 });
    expect(trends).toMatchObject({
      hashtag: "travel",
      period: "week",
      totalPosts: 3,
      undated: 1,
      periods: [
        { start: "2025-01-06", posts: 2 },
        { start: "2025-01-13", posts: 1 },
      ],
      tags: [
        { hashtag: "cairo", total: 2, counts: [1, 1], shares: [0.5, 1] },
        { hashtag: "egypt", total: 2, counts: [2, 0], shares: [1, 0] },
      ],
    });
  });

  it("lists rising and falling co-hashtags between the last two periods, with their counts", () => {
    const { comparison } = hashtagTrends(posts, "travel", { period: "week" });
    expect(comparison).toEqual({
      before: { start: "2025-01-06", posts: 2 },
      after: { start: "2025-01-13", posts: 1 },
      rising: [
        { hashtag: "paris", before: { posts: 0, share: 0 }, after: { posts: 1, share: 1 }, change: 1 },
        { hashtag: "cairo", before: { posts: 1, share: 0.5 }, after: { posts: 1, share: 1 }, change: 0.5 },
      ],
      falling: [
        { hashtag: "egypt", before: { posts: 2, share: 1 }, after: { posts: 0, share: 0 }, change: -1 },
      ],
    });
  });

  it("gives null shares for days without posts and no comparison with a single period", () => {
    const trends = hashtagTrends(posts, "travel", { range: { until: at("2025-01-08T00:00:00Z") } });
    expect(trends.periods).toEqual([
      { start: "2025-01-06", posts: 1 },
      { start: "2025-01-07", posts: 1 },
    ]);
    expect(trends.undated).toBe(0);
    const single = hashtagTrends(posts.slice(0, 1), "travel");
    expect(single.comparison).toBeNull();
    expect(hashtagTrends([], "travel")).toMatchObject({ periods: [], tags: [], comparison: null });
    const gap = trendSeries({
      hashtag: "x",
      days: [
        { day: "2025-01-01", posts: 1 },
        { day: "2025-01-03", posts: 2 },
      ],
      tagDays: [{ day: "2025-01-01", tag: "y", posts: 1 }],
    });
    expect(gap.tags).toEqual([{ hashtag: "y", total: 1, counts: [1, 0, 0], shares: [1, null, 0] }]);
  });

  it("compares the two periods asked for", () => {
    const { comparison } = hashtagTrends(posts, "travel", {
      compare: { before: "2025-01-06", after: "2025-01-07" },
    });
    expect(comparison?.before).toEqual({ start: "2025-01-06", posts: 1 });
    expect(comparison?.after).toEqual({ start: "2025-01-07", posts: 1 });
    expect(comparison?.falling.map((entry) => entry.hashtag)).toEqual(["cairo"]);
  });

  const post = fc.record({
    id: fc.integer({ min: 1, max: 40 }).map(String),
    createTime: fc.option(fc.integer({ min: 0, max: 40 * 86_400 }), { nil: null }),
    hashtags: fc.array(fc.constantFrom("a", "B", "b", "c", "d", "#E", "e"), { maxLength: 5 }),
  });

  it("matches an independent recount over random posts", () => {
    fc.assert(
      fc.property(fc.array(post, { maxLength: 60 }), fc.constantFrom("day", "week"), (list, period) => {
        const trends = hashtagTrends(list, "a", { period: period as "day" | "week", top: 3 });
        const firsts = new Map<string, { createTime: number | null; tags: Set<string> }>();
        for (const p of list)
          if (!firsts.has(p.id))
            firsts.set(p.id, { createTime: p.createTime, tags: new Set(p.hashtags.map(normaliseHashtag)) });
        const all = [...firsts.values()];
        expect(trends.undated).toBe(all.filter((p) => p.createTime === null).length);
        expect(trends.totalPosts).toBe(all.length - trends.undated);
        const inPeriod = (start: string) => {
          const range = periodRange(start, trends.period);
          return all.filter((p) => p.createTime !== null && inTimeRange(p.createTime, range));
        };
        expect(trends.periods.reduce((sum, p) => sum + p.posts, 0)).toBe(trends.totalPosts);
        trends.periods.forEach(({ start, posts: count }, i) => {
          expect(count).toBe(inPeriod(start).length);
          for (const series of trends.tags) {
            const carrying = inPeriod(start).filter((p) => p.tags.has(series.hashtag)).length;
            expect(series.counts[i]).toBe(carrying);
            expect(series.shares[i]).toBe(count === 0 ? null : carrying / count);
          }
        });
        if (trends.comparison) {
          const { before, after, rising, falling } = trends.comparison;
          for (const entry of [...rising, ...falling]) {
            expect(entry.before.posts).toBe(
              inPeriod(before.start).filter((p) => p.tags.has(entry.hashtag)).length,
            );
            expect(entry.after.posts).toBe(
              inPeriod(after.start).filter((p) => p.tags.has(entry.hashtag)).length,
            );
          }
          expect(rising.every((entry) => entry.change > 0)).toBe(true);
          expect(falling.every((entry) => entry.change < 0)).toBe(true);
        }
      }),
    );
  });
});
