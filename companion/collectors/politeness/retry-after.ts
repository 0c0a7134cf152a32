/**
 * Milliseconds to wait from a Retry-After header: delta-seconds or an HTTP date (RFC 9110 10.2.3).
 * null when absent or unreadable, so the caller falls back to its own backoff.
 */
export const parseRetryAfter = (
  value: string | null | undefined,
  now: number = Date.now(),
): number | null => {
  if (value === null || value === undefined) return null;
  const trimmed = value.trim();
  if (/^\d+$/u.test(trimmed)) return Number(trimmed) * 1000;
  // Only full HTTP dates: Date.parse alone would read "5" or "1.5" as a year.
  if (!/[a-z]{3}.*\d{4}.*\d{2}:\d{2}:\d{2}/iu.test(trimmed)) return null;
  const at = Date.parse(trimmed);
  return Number.isNaN(at) ? null : Math.max(0, at - now);
};
