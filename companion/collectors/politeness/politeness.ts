/** How gently a collector treats TikTok. Production defaults are slow on purpose; tests pass ~0 delays. */
export interface Politeness {
  /** Pause before each request or scroll, drawn uniformly from [min, max] ms. */
  delayMs: { min: number; max: number };
  /** Tries per request, the first included, before giving up with a CollectionError. */
  maxAttempts: number;
  backoff: { baseMs: number; maxMs: number };
  /** A Retry-After longer than this is not waited out: the run stops as "rate-limited" instead. */
  maxRetryAfterMs: number;
  /** In [0, 1); injected so tests are deterministic. */
  random: () => number;
}

export const DEFAULT_POLITENESS: Politeness = {
  delayMs: { min: 1000, max: 3000 },
  maxAttempts: 5,
  backoff: { baseMs: 2000, maxMs: 60_000 },
  maxRetryAfterMs: 10 * 60_000,
  random: Math.random,
};

export const withPoliteness = (overrides: Partial<Politeness> = {}): Politeness => ({
  ...DEFAULT_POLITENESS,
  ...overrides,
});

/** The CLI's single --delay value as a range around it, so requests never come at a fixed rhythm. */
export const delayAround = (ms: number): Politeness["delayMs"] => ({ min: ms * 0.5, max: ms * 1.5 });

export const politeDelay = ({ delayMs, random }: Politeness): number =>
  Math.round(delayMs.min + (delayMs.max - delayMs.min) * random());
