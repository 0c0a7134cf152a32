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
