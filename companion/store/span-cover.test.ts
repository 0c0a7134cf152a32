import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  coverWithSpans,
  NUMBERED_SPAN_DAYS,
  NUMBERED_SPAN_ROWS,
  SPAN_DAYS,
  type SpanPiece,
  signedCover,
} from "./span-cover.ts";

const covers = (piece: SpanPiece, day: number): boolean =>
  day >= piece.from * piece.days && day <= piece.to * piece.days + piece.days - 1;

describe("coverWithSpans", () => {
  it("covers every day of the range exactly once, nothing outside it, with few short spans", () => {
    const day = fc.integer({ min: -400, max: 400 });
    fc.assert(
      fc.property(day, day, day, (a, b, probe) => {
        const [from, to] = [Math.min(a, b), Math.max(a, b)];
        const pieces = coverWithSpans(from, to);
        expect(pieces.filter((piece) => covers(piece, probe)).length).toBe(
          probe >= from && probe <= to ? 1 : 0,
        );
        for (const piece of pieces) expect(piece.from).toBeLessThanOrEqual(piece.to);
        const lengths = [1, ...SPAN_DAYS];
        for (const [i, length] of lengths.slice(0, -1).entries()) {
          const read = pieces
            .filter((piece) => piece.days === length)
            .reduce((sum, piece) => sum + piece.to - piece.from + 1, 0);
          expect(read).toBeLessThanOrEqual(2 * (lengths[i + 1]! / length - 1));
        }
        expect(pieces.filter((piece) => piece.days === SPAN_DAYS.at(-1)).length).toBeLessThanOrEqual(1);
      }),
      { numRuns: 3000 },
    );
  });

  it("reads a whole aligned span as one piece and a short range as days", () => {
    expect(coverWithSpans(64, 127)).toEqual([{ days: 64, from: 1, to: 1 }]);
    expect(coverWithSpans(-64, -1)).toEqual([{ days: 64, from: -1, to: -1 }]);
    expect(coverWithSpans(3, 5)).toEqual([{ days: 1, from: 3, to: 5 }]);
    expect(coverWithSpans(6, 17)).toEqual([
      { days: 1, from: 6, to: 7 },
      { days: 8, from: 1, to: 1 },
      { days: 1, from: 16, to: 17 },
    ]);
    expect(coverWithSpans(5, 4)).toEqual([]);
  });
});

describe("signedCover", () => {
  const day = fc.integer({ min: -400, max: 400 });
  const weights = fc.constantFrom(NUMBERED_SPAN_ROWS, [1, 1, 1], [1, 8, 64], [1, 2, 3]);

  it("adds every day of the range once more than it takes it away and every other day as often, at no more cost than the plain cover", () => {
    fc.assert(
      fc.property(day, day, fc.array(day, { minLength: 1, maxLength: 5 }), weights, (a, b, probes, rows) => {
        const [from, to] = [Math.min(a, b), Math.max(a, b)];
        const { pieces, cost } = signedCover(from, to, NUMBERED_SPAN_DAYS, rows);
        for (const probe of [...probes, from, to, from - 1, to + 1]) {
          const net = pieces
            .filter((piece) => covers(piece, probe))
            .reduce((sum, piece) => sum + piece.sign, 0);
          expect(net, `day ${probe}`).toBe(probe >= from && probe <= to ? 1 : 0);
        }
        for (const piece of pieces) expect(piece.from).toBeLessThanOrEqual(piece.to);
        const plain = coverWithSpans(from, to, NUMBERED_SPAN_DAYS).reduce(
          (sum, piece) => sum + (piece.to - piece.from + 1) * rows[NUMBERED_SPAN_DAYS.indexOf(piece.days)]!,
          0,
        );
        expect(cost).toBeLessThanOrEqual(plain + 1e-9);
        const counted = pieces.reduce(
          (sum, piece) => sum + (piece.to - piece.from + 1) * rows[NUMBERED_SPAN_DAYS.indexOf(piece.days)]!,
          0,
        );
        expect(counted).toBeCloseTo(cost);
      }),
      { numRuns: 3000 },
    );
  });

  it("rounds an end out to a whole span when the overshoot is the cheaper part", () => {
    // Days 1..63: 7 days and 7 spans of 8 inside, or the 64-day span minus day 0.
    expect(signedCover(1, 63, NUMBERED_SPAN_DAYS, NUMBERED_SPAN_ROWS).pieces).toEqual([
      { days: 64, from: 0, to: 0, sign: 1 },
      { days: 1, from: 0, to: 0, sign: -1 },
    ]);
    expect(signedCover(3, 5, NUMBERED_SPAN_DAYS, NUMBERED_SPAN_ROWS).pieces).toEqual([
      { days: 1, from: 3, to: 5, sign: 1 },
    ]);
    expect(signedCover(5, 4, NUMBERED_SPAN_DAYS, NUMBERED_SPAN_ROWS)).toEqual({ pieces: [], cost: 0 });
  });
});
