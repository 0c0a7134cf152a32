import { CollectionError, type CollectionErrorKind } from "../collector.ts";
import { backoffDelay } from "./backoff.ts";
import type { Politeness } from "./politeness.ts";
import { parseRetryAfter } from "./retry-after.ts";
import { sleep } from "./sleep.ts";

/** A failure worth trying again after a pause (429, 5xx, a cut connection, a garbled or empty page). */
export class RetryableError extends Error {
  constructor(
    readonly kind: Extract<CollectionErrorKind, "rate-limited" | "network" | "bad-response">,
    message: string,
    /** What the server asked for via Retry-After, if it did. */
    readonly retryAfterMs: number | null = null,
  ) {
    super(message);
    this.name = "RetryableError";
  }
}

/**
 * The retryable reading of an HTTP status, or null when the status is not a reason to retry. Like every
 * RetryableError message it leaves out what was requested: withRetries puts its label in front.
 */
export const retryableStatus = (
  status: number,
  retryAfter: string | null | undefined,
): RetryableError | null => {
  if (status === 429)
    return new RetryableError("rate-limited", "answered 429 Too Many Requests", parseRetryAfter(retryAfter));
  if (status >= 500)
    return new RetryableError("network", `answered HTTP ${status}`, parseRetryAfter(retryAfter));
  return null;
};

export interface RetryInfo {
  attempt: number;
  waitMs: number;
  reason: string;
}

export interface RetryContext {
  politeness: Politeness;
  /** Names the request in the final error, e.g. "item_list page 3 of #travel". */
  label: string;
  signal?: AbortSignal;
  onRetry?: (info: RetryInfo) => void;
}

/** How long to wait before try `attempt + 1`: the backoff, and never less than a Retry-After asked for. */
export const retryDelay = (attempt: number, error: RetryableError, politeness: Politeness): number =>
  Math.max(
    error.retryAfterMs ?? 0,
    backoffDelay(attempt, { ...politeness.backoff, random: politeness.random }),
  );

/**
 * The error that ends the retrying after try `attempt` failed with `error`, or null to wait and try again. Shared
 * by every retry loop, so a Retry-After too long to wait out stops each collector the same way.
 */
export const giveUp = (
  error: RetryableError,
  attempt: number,
  politeness: Politeness,
  label: string,
): CollectionError | null => {
  if (error.retryAfterMs !== null && error.retryAfterMs > politeness.maxRetryAfterMs) {
    const minutes = Math.ceil(error.retryAfterMs / 60_000);
    return new CollectionError(
      "rate-limited",
      `${label}: TikTok asks to wait ${minutes} min before trying again; run again later`,
    );
  }
  if (attempt >= politeness.maxAttempts)
    return new CollectionError(error.kind, `${label}: ${error.message}; gave up after ${attempt} tries`);
  return null;
};

/**
 * Runs `task` until it succeeds, retrying RetryableErrors with exponential backoff and jitter, never sooner
 * than a Retry-After asks. Other errors pass through untouched.
 */
export const withRetries = async <T>(
  task: (attempt: number) => Promise<T>,
  { politeness, label, signal, onRetry }: RetryContext,
): Promise<T> => {
  for (let attempt = 1; ; attempt += 1) {
    try {
      return await task(attempt);
    } catch (error) {
      if (!(error instanceof RetryableError)) throw error;
      const final = giveUp(error, attempt, politeness, label);
      if (final) throw final;
      const waitMs = retryDelay(attempt, error, politeness);
      onRetry?.({ attempt, waitMs, reason: error.message });
      await sleep(waitMs, signal);
    }
  }
};
