import { describe, expect, it } from "vitest";
import { everyToMs, FollowInput } from "./follows.ts";

describe("a follow's schedule", () => {
  it("reads ms-style durations like the CLI's --every", () => {
    expect(everyToMs("6h")).toBe(21_600_000);
    expect(everyToMs("1d")).toBe(86_400_000);
    expect(everyToMs("90000")).toBe(90_000);
    expect(everyToMs("soon")).toBeNull();
  });

  it("refuses a schedule more often than once a minute, or one collecting nothing", () => {
    expect(FollowInput.safeParse({ every: "30s" }).error?.issues[0]?.message).toMatch(/too often/u);
    expect(FollowInput.safeParse({ every: "often" }).error?.issues[0]?.message).toMatch(/cannot read/u);
    expect(FollowInput.safeParse({ posts: false, videos: false }).success).toBe(false);
    expect(FollowInput.safeParse({ every: "1h", extra: 1 }).success).toBe(false);
  });

  it("defaults to posts without a schedule", () => {
    expect(FollowInput.parse({})).toEqual({ every: null, posts: true, videos: false, limit: 1000 });
  });
});
