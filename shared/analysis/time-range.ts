/** Inclusive bounds on a post's creation time, in epoch seconds: the CLI's --since/--until, the dashboard's range. */
export interface TimeRange {
  since?: number;
  until?: number;
}

/** As the store: a post of unknown date falls outside any range that is actually given. */
export const inTimeRange = (createTime: number | null, range: TimeRange = {}): boolean => {
  if (range.since === undefined && range.until === undefined) return true;
  if (createTime === null) return false;
  return (range.since ?? -Infinity) <= createTime && createTime <= (range.until ?? Infinity);
};

/** Posts within both ranges. An empty intersection comes out with since > until, which holds no post. */
export const intersectRanges = (a: TimeRange, b: TimeRange): TimeRange => {
  const range: TimeRange = {};
  const since = Math.max(a.since ?? -Infinity, b.since ?? -Infinity);
  const until = Math.min(a.until ?? Infinity, b.until ?? Infinity);
  if (since !== -Infinity) range.since = since;
  if (until !== Infinity) range.until = until;
  return range;
};
