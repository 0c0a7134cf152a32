export interface BackoffOptions {
  baseMs: number;
  maxMs: number;
  /** In [0, 1); injected so tests are deterministic. */
  random: () => number;
}

/**
 * Exponential backoff with "equal jitter": half the exponential step is fixed, half random, so clients that
 * failed together do not retry together, yet every wait grows with the attempt number.
 */
export const backoffDelay = (attempt: number, { baseMs, maxMs, random }: BackoffOptions): number => {
  const step = Math.min(maxMs, baseMs * 2 ** Math.max(0, attempt - 1));
  return Math.round(step / 2 + (step / 2) * random());
};
