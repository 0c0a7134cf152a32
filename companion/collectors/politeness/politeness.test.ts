import { describe, expect, it } from "vitest";
import { CollectionError } from "../collector.ts";
import { backoffDelay } from "./backoff.ts";
import { delayAround, politeDelay, withPoliteness } from "./politeness.ts";
import { parseRetryAfter } from "./retry-after.ts";
import { sleep } from "./sleep.ts";
import { RetryableError, retryableStatus, withRetries } from "./with-retries.ts";

const fast = withPoliteness({
  delayMs: { min: 0, max: 0 },
  backoff: { baseMs: 10, maxMs: 40 },
  maxAttempts: 3,
  random: () => 0.5,
});

describe("parseRetryAfter", () => {
  it("reads delta-seconds", () => {
    expect(parseRetryAfter("2")).toBe(2000);
    expect(parseRetryAfter(" 0 ")).toBe(0);
  });
  it("reads an HTTP date relative to now", () => {
    const now = Date.parse("Wed, 21 Oct 2015 07:28:00 GMT");
    expect(parseRetryAfter("Wed, 21 Oct 2015 07:28:30 GMT", now)).toBe(30_000);
    expect(parseRetryAfter("Wed, 21 Oct 2015 07:27:00 GMT", now)).toBe(0);
  });
  it("returns null for absent or unreadable values", () => {
    expect(parseRetryAfter(undefined)).toBeNull();
    expect(parseRetryAfter("soon")).toBeNull();
    expect(parseRetryAfter("1.5")).toBeNull();
  });
});

describe("backoffDelay", () => {
  const options = { baseMs: 100, maxMs: 1000 };
  it("doubles per attempt with half of each step random", () => {
    expect(backoffDelay(1, { ...options, random: () => 0 })).toBe(50);
    expect(backoffDelay(1, { ...options, random: () => 0.999999 })).toBe(100);
    expect(backoffDelay(3, { ...options, random: () => 0 })).toBe(200);
  });
  it("never exceeds the cap", () => {
    expect(backoffDelay(20, { ...options, random: () => 0.999999 })).toBe(1000);
  });
});

describe("politeDelay", () => {
  it("draws from the configured range", () => {
    const range = delayAround(2000);
    expect(range).toEqual({ min: 1000, max: 3000 });
    expect(politeDelay(withPoliteness({ delayMs: range, random: () => 0 }))).toBe(1000);
    expect(politeDelay(withPoliteness({ delayMs: range, random: () => 0.5 }))).toBe(2000);
  });
});

describe("retryableStatus", () => {
  it("classifies 429 and 5xx, not 4xx", () => {
    expect(retryableStatus(429, "3")).toMatchObject({ kind: "rate-limited", retryAfterMs: 3000 });
    expect(retryableStatus(429, "3")?.message).toBe("answered 429 Too Many Requests");
    expect(retryableStatus(503, null)).toMatchObject({ kind: "network", message: "answered HTTP 503" });
    expect(retryableStatus(404, null)).toBeNull();
    expect(retryableStatus(200, null)).toBeNull();
  });
});

describe("withRetries", () => {
  it("retries retryable failures and returns the first success", async () => {
    const attempts: number[] = [];
    const result = await withRetries(
      async (attempt) => {
        attempts.push(attempt);
        if (attempt < 3) throw new RetryableError("network", "cut");
        return "done";
      },
      { politeness: fast, label: "page 1" },
    );
    expect(result).toBe("done");
    expect(attempts).toEqual([1, 2, 3]);
  });

  it("gives up after maxAttempts with a CollectionError naming the request", async () => {
    const failure = withRetries(
      async () => {
        throw new RetryableError("rate-limited", "answered 429");
      },
      { politeness: fast, label: "item_list of #travel" },
    );
    await expect(failure).rejects.toBeInstanceOf(CollectionError);
    await expect(failure).rejects.toMatchObject({
      kind: "rate-limited",
      message: "item_list of #travel: answered 429; gave up after 3 tries",
    });
  });

  it("waits at least what Retry-After asks", async () => {
    const retries: number[] = [];
    const started = performance.now();
    await withRetries(
      async (attempt) => {
        if (attempt === 1) throw new RetryableError("rate-limited", "429", 300);
        return attempt;
      },
      { politeness: fast, label: "x", onRetry: ({ waitMs }) => retries.push(waitMs) },
    );
    expect(retries).toEqual([300]);
    expect(performance.now() - started).toBeGreaterThanOrEqual(295);
  });

  it("stops at once when Retry-After is longer than the configured maximum", async () => {
    let calls = 0;
    const failure = withRetries(
      async () => {
        calls += 1;
        throw new RetryableError("rate-limited", "429", 3_600_000);
      },
      { politeness: { ...fast, maxRetryAfterMs: 60_000 }, label: "#travel" },
    );
    await expect(failure).rejects.toMatchObject({
      kind: "rate-limited",
      message: "#travel: TikTok asks to wait 60 min before trying again; run again later",
    });
    expect(calls).toBe(1);
  });

  it("passes other errors through without retrying", async () => {
    let calls = 0;
    const failure = withRetries(
      async () => {
        calls += 1;
        throw new CollectionError("captcha", "verify page");
      },
      { politeness: fast, label: "x" },
    );
    await expect(failure).rejects.toMatchObject({ kind: "captcha" });
    expect(calls).toBe(1);
  });

  it("stops waiting when the signal aborts", async () => {
    const controller = new AbortController();
    const failure = withRetries(
      async () => {
        throw new RetryableError("network", "cut", 10_000);
      },
      { politeness: fast, label: "x", signal: controller.signal },
    );
    setTimeout(() => controller.abort(new Error("stopped")), 20);
    await expect(failure).rejects.toThrow("stopped");
  });
});

describe("sleep", () => {
  it("rejects immediately when already aborted", async () => {
    await expect(sleep(1000, AbortSignal.abort(new Error("gone")))).rejects.toThrow("gone");
  });
});
