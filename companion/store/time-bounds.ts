import type { TimeRange } from "./post-store.ts";
import { UNDATED } from "./schema.ts";

/** Inclusive sort_time bounds for a range. Undated posts fall outside any range that is actually given. */
export const timeBounds = (range: TimeRange = {}): { low: number; high: number } => {
  const limited = range.since !== undefined || range.until !== undefined;
  return {
    low: range.since ?? Number.MIN_SAFE_INTEGER,
    high: limited ? Math.min(range.until ?? UNDATED - 1, UNDATED - 1) : UNDATED,
  };
};

export const sortTime = (createTime: number | null): number => createTime ?? UNDATED;

/** An ISO 8601 instant in the one format the store compares as text, or null when unreadable. */
export const isoTime = (value: string | null | undefined): string | null => {
  if (value === null || value === undefined) return null;
  const ms = Date.parse(value);
  return Number.isNaN(ms) ? null : new Date(ms).toISOString();
};
