import fc from "fast-check";
import { describe, expect, it } from "vitest";
import type { PostStats } from "../post/post.ts";
import { engagementHistory, fastestGrowing, lastTwoCollections } from "./engagement.ts";

const stats = (plays: number | null, likes: number | null = 1, saves: number | null = null): PostStats => ({
  plays,
  likes,
  shares: 0,
  comments: 0,
  saves,
});

describe("engagementHistory", () => {
  it("orders by time, keeps the later of one instant and folds observations that changed nothing shown", () => {
    expect(
      engagementHistory([
        { seenAt: "2025-01-03T00:00:00Z", stats: stats(30) },
        { seenAt: "2025-01-01T00:00:00.000Z", stats: stats(5) },
        { seenAt: "2025-01-01T00:00:00Z", stats: stats(10) },
        { seenAt: "2025-01-02T00:00:00Z", stats: stats(10, 1, 7) },
      ]),
    ).toEqual([
      { seenAt: "2025-01-01T00:00:00.000Z", plays: 10, likes: 1, shares: 0, comments: 0 },
      { seenAt: "2025-01-03T00:00:00.000Z", plays: 30, likes: 1, shares: 0, comments: 0 },
    ]);
  });

  it("refuses an unreadable time", () => {
    expect(() => engagementHistory([{ seenAt: "yesterday", stats: stats(1) }])).toThrow(/Not a time/);
  });
});

describe("fastestGrowing", () => {
  const histories = [
    {
      postId: "1",
      observations: [
        { seenAt: "2025-01-01T00:00:00Z", stats: stats(100) },
        { seenAt: "2025-01-03T00:00:00Z", stats: stats(300) },
      ],
    },
    {
      postId: "2",
      observations: [
        { seenAt: "2025-01-01T12:00:00Z", stats: stats(0) },
        { seenAt: "2025-01-02T12:00:00Z", stats: stats(500) },
      ],
    },
    { postId: "3", observations: [{ seenAt: "2025-01-02T18:00:00Z", stats: stats(9000) }] },
    { postId: "4", observations: [{ seenAt: "2025-01-01T00:00:00Z", stats: stats(null) }] },
  ];

  it("ranks posts seen by both collections by growth of the metric, with relative and per-day growth", () => {
    expect(fastestGrowing(histories, { from: "2025-01-01T23:00:00Z", to: "2025-01-03T00:00:00Z" })).toEqual([
      {
        postId: "2",
        metric: "plays",
        before: { seenAt: "2025-01-01T12:00:00.000Z", value: 0 },
        after: { seenAt: "2025-01-02T12:00:00.000Z", value: 500 },
        growth: 500,
        relative: null,
        perDay: 500,
      },
      {
        postId: "1",
        metric: "plays",
        before: { seenAt: "2025-01-01T00:00:00.000Z", value: 100 },
        after: { seenAt: "2025-01-03T00:00:00.000Z", value: 300 },
        growth: 200,
        relative: 2,
        perDay: 100,
      },
    ]);
  });

  it("limits, picks the metric and refuses a reversed window", () => {
    const likes = fastestGrowing(histories, {
      from: "2025-01-02T00:00:00Z",
      to: "2025-01-04T00:00:00Z",
      metric: "likes",
      limit: 1,
    });
    expect(likes).toHaveLength(1);
    expect(likes[0]).toMatchObject({ postId: "1", growth: 0, perDay: 0 });
    expect(() =>
      fastestGrowing(histories, { from: "2025-01-04T00:00:00Z", to: "2025-01-01T00:00:00Z" }),
    ).toThrow(/after/);
  });

  it("matches an independent recount", () => {
    const observation = fc.record({
      seenAt: fc.integer({ min: 0, max: 100 }).map((h) => new Date(h * 3_600_000).toISOString()),
      stats: fc.record({
        plays: fc.option(fc.nat(1000), { nil: null }),
        likes: fc.constant(null),
        shares: fc.constant(null),
        comments: fc.constant(null),
        saves: fc.constant(null),
      }),
    });
    const history = fc.record({
      postId: fc.nat(1_000_000).map(String),
      observations: fc.array(observation, { maxLength: 5 }),
    });
    fc.assert(
      fc.property(
        fc.uniqueArray(history, { selector: (h) => h.postId, maxLength: 20 }),
        fc.nat(100),
        fc.nat(100),
        (list, a, b) => {
          const [from, to] = [Math.min(a, b), Math.max(a, b)].map((h) =>
            new Date(h * 3_600_000).toISOString(),
          ) as [string, string];
          const rows = fastestGrowing(list, { from, to, limit: 1000 });
          const known = (obs: (typeof list)[number]["observations"], until: string) => {
            // The last observation at or before `until` with plays known; of one instant, the later in the list.
            const candidates = obs.filter((o) => o.seenAt <= until && o.stats.plays !== null);
            return candidates.reduce<(typeof candidates)[number] | undefined>(
              (best, o) => (!best || o.seenAt >= best.seenAt ? o : best),
              undefined,
            );
          };
          const expected = list.flatMap(({ postId, observations }) => {
            const before = known(observations, from);
            const after = known(observations, to);
            return before && after
              ? [{ postId, growth: (after.stats.plays ?? 0) - (before.stats.plays ?? 0) }]
              : [];
          });
          expect(
            rows
              .map((r) => ({ postId: r.postId, growth: r.growth }))
              .toSorted((x, y) => x.postId.localeCompare(y.postId)),
          ).toEqual(expected.toSorted((x, y) => x.postId.localeCompare(y.postId)));
          for (let i = 1; i < rows.length; i++)
            expect(rows[i - 1]!.growth).toBeGreaterThanOrEqual(rows[i]!.growth);
        },
      ),
    );
  });
});

describe("lastTwoCollections", () => {
  it("takes the last two finished, error-free collections at their finishing times", () => {
    expect(
      lastTwoCollections([
        { startedAt: "2025-01-01T00:00:00Z", finishedAt: "2025-01-01T00:10:00Z" },
        { startedAt: "2025-01-03T00:00:00Z", finishedAt: "2025-01-03T00:10:00Z" },
        { startedAt: "2025-01-04T00:00:00Z", finishedAt: "2025-01-04T00:10:00Z", error: "captcha" },
        { startedAt: "2025-01-05T00:00:00Z", finishedAt: null },
        { startedAt: "2025-01-02T00:00:00Z", finishedAt: "2025-01-02T00:10:00Z" },
      ]),
    ).toEqual({ from: "2025-01-02T00:10:00.000Z", to: "2025-01-03T00:10:00.000Z" });
    expect(
      lastTwoCollections([{ startedAt: "2025-01-01T00:00:00Z", finishedAt: "2025-01-01T00:10:00Z" }]),
    ).toBeNull();
  });
});
