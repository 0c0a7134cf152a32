export const DAY_SECONDS = 86_400;

/** An inclusive range of sort_time seconds. */
export interface SecondRange {
  low: number;
  high: number;
}

/**
 * How to answer a query over the inclusive sort_time range [low, high] exactly: the UTC days it covers whole
 * (`days`, inclusive day numbers, read from the aggregate) and the at most two partial days at its edges
 * (`edges`, second ranges, read from the posts). A range within one or two partial days is all edges.
 */
export interface DayCover {
  days: { from: number; to: number } | null;
  edges: SecondRange[];
}

export const dayOf = (seconds: number): number => Math.floor(seconds / DAY_SECONDS);

export const coverWithDays = ({ low, high }: SecondRange): DayCover => {
  if (low > high) return { days: null, edges: [] };
  const from = Math.ceil(low / DAY_SECONDS) + 0; // + 0: no -0 day
  const to = Math.floor((high + 1) / DAY_SECONDS) - 1;
  if (from > to) return { days: null, edges: [{ low, high }] };
  const edges: SecondRange[] = [];
  if (low < from * DAY_SECONDS) edges.push({ low, high: from * DAY_SECONDS - 1 });
  if ((to + 1) * DAY_SECONDS <= high) edges.push({ low: (to + 1) * DAY_SECONDS, high });
  return { days: { from, to }, edges };
};
