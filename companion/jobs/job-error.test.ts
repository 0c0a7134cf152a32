import { describe, expect, it } from "vitest";
import { CollectionError } from "../collectors/collector.ts";
import { describeJobError, describeRetry } from "./job-error.ts";

describe("a job's errors in plain words", () => {
  it("tells how to get past a captcha", () => {
    const error = describeJobError(new CollectionError("captcha", "TikTok showed a captcha on #travel"));
    expect(error.kind).toBe("captcha");
    expect(error.message).toMatch(/open TikTok in a window and solve it/u);
  });

  it("says when a rate-limited request is retried", () => {
    const error = describeRetry(
      { attempt: 1, waitMs: 30_000, reason: "answered 429 Too Many Requests" },
      Date.parse("2025-01-01T10:00:00Z"),
    );
    expect(error).toEqual({
      kind: "rate-limit",
      message:
        "TikTok is limiting requests (answered 429 Too Many Requests); retrying at 10:00:30 UTC (attempt 2)",
      retryAt: "2025-01-01T10:00:30.000Z",
    });
  });

  it("keeps any other error's message", () => {
    expect(describeJobError(new Error("disk full"))).toEqual({
      kind: "other",
      message: "disk full",
      retryAt: null,
    });
    expect(describeJobError(new CollectionError("network", "timed out")).kind).toBe("network");
  });
});
