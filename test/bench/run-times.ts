/**
 * Median and 90th percentile of repeated timings. One run of a short command on a shared machine says little:
 * another process can double it, so the spread is reported beside the middle.
 */
export interface RunTimes {
  runs: number;
  median: number;
  p90: number;
  min: number;
  max: number;
}

/** Nearest-rank percentiles (the p90 is a run that happened, not an interpolation); the median of an even count is the mean of the middle two. */
export const runTimes = (seconds: readonly number[]): RunTimes => {
  if (seconds.length === 0) throw new Error("runTimes needs at least one run");
  const sorted = [...seconds].sort((a, b) => a - b);
  const n = sorted.length;
  const middle = n % 2 === 1 ? sorted[(n - 1) / 2]! : (sorted[n / 2 - 1]! + sorted[n / 2]!) / 2;
  return {
    runs: n,
    median: middle,
    p90: sorted[Math.ceil(0.9 * n) - 1]!,
    min: sorted[0]!,
    max: sorted[n - 1]!,
  };
};

/** "0.183 s (p90 0.214, 20 runs)". */
export const formatRunTimes = (times: RunTimes): string =>
  `${times.median.toFixed(3)} s (p90 ${times.p90.toFixed(3)}, ${times.runs} runs)`;
