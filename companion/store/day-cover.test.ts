import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { coverWithDays, DAY_SECONDS, dayOf } from "./day-cover.ts";

const pieceOf = (seconds: number, cover: ReturnType<typeof coverWithDays>): number => {
  const day = dayOf(seconds);
  const inDays = cover.days !== null && day >= cover.days.from && day <= cover.days.to ? 1 : 0;
  const inEdges = cover.edges.filter((edge) => seconds >= edge.low && seconds <= edge.high).length;
  return inDays + inEdges;
};

describe("coverWithDays", () => {
  it("covers every second of the range exactly once and nothing outside it", () => {
    const second = fc.integer({ min: -5 * DAY_SECONDS, max: 5 * DAY_SECONDS });
    fc.assert(
      fc.property(second, second, second, (a, b, probe) => {
        const range = { low: Math.min(a, b), high: Math.max(a, b) };
        const cover = coverWithDays(range);
        const inside = probe >= range.low && probe <= range.high;
        expect(pieceOf(probe, cover)).toBe(inside ? 1 : 0);
        expect(cover.edges.length).toBeLessThanOrEqual(2);
        // At most two partial days are read from the posts.
        const edgeDays = cover.edges.map((edge) => dayOf(edge.high) - dayOf(edge.low) + 1);
        expect(edgeDays.reduce((sum, days) => sum + days, 0)).toBeLessThanOrEqual(2);
      }),
      { numRuns: 2000 },
    );
  });

  it("reads whole days from the aggregate only", () => {
    expect(coverWithDays({ low: 0, high: 3 * DAY_SECONDS - 1 })).toEqual({
      days: { from: 0, to: 2 },
      edges: [],
    });
    expect(coverWithDays({ low: 10, high: DAY_SECONDS + 5 })).toEqual({
      days: null,
      edges: [{ low: 10, high: DAY_SECONDS + 5 }],
    });
    expect(coverWithDays({ low: -1, high: DAY_SECONDS })).toEqual({
      days: { from: 0, to: 0 },
      edges: [
        { low: -1, high: -1 },
        { low: DAY_SECONDS, high: DAY_SECONDS },
      ],
    });
  });

  it("handles the open ends a range without --since uses", () => {
    const cover = coverWithDays({ low: Number.MIN_SAFE_INTEGER, high: 100 * DAY_SECONDS - 1 });
    expect(cover.days?.to).toBe(99);
    expect(cover.edges.every((edge) => edge.high < cover.days!.from * DAY_SECONDS)).toBe(true);
  });
});
