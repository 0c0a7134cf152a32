/**
 * Span lengths in days of the rollup above the per-day aggregate (span-rollup-schema.ts), smallest first, each a
 * multiple of the one before. Span k of length L holds days k * L to k * L + L - 1, so spans never straddle.
 */
export const SPAN_DAYS: readonly number[] = [8, 64];

/**
 * Span lengths in days of the tag counts by tag number (numbered-rollup-schema.ts), 1 (the days themselves) first,
 * each a multiple of the one before.
 */
export const NUMBERED_SPAN_DAYS: readonly number[] = [1, 8, 64];

/**
 * The rows a span of each of NUMBERED_SPAN_DAYS is expected to hold, a day's being 1, and the all-time totals', for
 * choosing between covers (signedCover): a long tail of 50,000 hashtags has ~4,200 a day, 17,800 in 8 days, 40,300
 * in 64 days and 50,000 in all (README); with a few hundred hashtags every piece holds about the same, and every
 * cover reads little anyway.
 */
export const NUMBERED_SPAN_ROWS: readonly number[] = [1, 4.2, 9.6];
export const TOTALS_ROWS = 12;

/** Inclusive span numbers [from, to] of one length; length 1 is the per-day aggregate itself. */
export interface SpanPiece {
  days: number;
  from: number;
  to: number;
}

/**
 * Covers the inclusive day range [from, to] with as few whole spans as the lengths allow: the longest spans
 * inside it, then shorter ones for what is left at each end, down to single days. Every day is covered once; at
 * most 2 * (L[i + 1] / L[i] - 1) spans of a length are read besides the longest ones.
 */
export const coverWithSpans = (
  from: number,
  to: number,
  lengths: readonly number[] = [1, ...SPAN_DAYS],
): SpanPiece[] => {
  if (from > to) return [];
  const days = lengths.at(-1)!;
  if (lengths.length === 1) return [{ days, from, to }];
  const first = Math.ceil(from / days) + 0; // + 0: no -0 span
  const last = Math.floor((to + 1) / days) - 1;
  const shorter = lengths.slice(0, -1);
  if (first > last) return coverWithSpans(from, to, shorter);
  return [
    ...coverWithSpans(from, first * days - 1, shorter),
    { days, from: first, to: last },
    ...coverWithSpans((last + 1) * days, to, shorter),
  ];
};

/** A piece whose counts are added (sign 1) or taken away (sign -1). */
export interface SignedPiece extends SpanPiece {
  sign: 1 | -1;
}

/** A signed cover and what it is expected to cost to read. */
interface Plan {
  pieces: SignedPiece[];
  cost: number;
}

const EMPTY: Plan = { pieces: [], cost: 0 };

const flip = ({ pieces, cost }: Plan): Plan => ({
  pieces: pieces.map((piece) => ({ ...piece, sign: piece.sign === 1 ? -1 : 1 })),
  cost,
});

const join = (...plans: Plan[]): Plan => ({
  pieces: plans.flatMap((plan) => plan.pieces),
  cost: plans.reduce((sum, plan) => sum + plan.cost, 0),
});

/**
 * Covers the inclusive day range [from, to] with signed pieces of `lengths` (1 first, each a multiple of the one
 * before) whose expected rows, `weights[i]` per span of lengths[i], are fewest: every day of the range is added once
 * more than it is taken away, every day outside as often added as taken away. Rounding a range's end out to the
 * next whole span and taking the overshoot away reads fewer rows than the inside's short spans when the overshoot
 * is the smaller part: a long tail's 64-day span holds ~10 days' rows, not 64.
 */
export const signedCover = (
  from: number,
  to: number,
  lengths: readonly number[],
  weights: readonly number[],
): Plan => {
  if (from > to) return EMPTY;
  const level = lengths.length - 1;
  const days = lengths[level]!;
  const weight = weights[level]!;
  if (level === 0) return { pieces: [{ days, from, to, sign: 1 }], cost: (to - from + 1) * weight };
  const shorter = lengths.slice(0, -1);
  const lighter = weights.slice(0, -1);
  /** [from, to] as the whole spans first..last of this length, the difference at each end by shorter pieces. */
  const around = (first: number, last: number): Plan => {
    const start = first * days;
    const end = last * days + days - 1;
    const head =
      start > from
        ? signedCover(from, start - 1, shorter, lighter)
        : flip(signedCover(start, from - 1, shorter, lighter));
    const tail =
      end < to
        ? signedCover(end + 1, to, shorter, lighter)
        : flip(signedCover(to + 1, end, shorter, lighter));
    return join(
      { pieces: [{ days, from: first, to: last, sign: 1 }], cost: (last - first + 1) * weight },
      head,
      tail,
    );
  };
  const firsts = new Set([Math.ceil(from / days) + 0, Math.floor(from / days) + 0]); // + 0: no -0 span
  const lasts = new Set([Math.floor((to + 1) / days) - 1, Math.ceil((to + 1) / days) - 1]);
  let best = signedCover(from, to, shorter, lighter);
  for (const first of firsts)
    for (const last of lasts) {
      if (first > last) continue;
      const plan = around(first, last);
      if (plan.cost < best.cost) best = plan;
    }
  return best;
};
