import { describe, expect, it } from "vitest";
import { API_ROUTES } from "./contract.ts";
import { JobInput, jobPath } from "./jobs.ts";

describe("the jobs contract", () => {
  it("fills defaults like the CLI's download", () => {
    expect(JobInput.parse({ hashtags: ["travel"] })).toEqual({
      hashtags: ["travel"],
      posts: true,
      videos: false,
      limit: 1000,
      since: null,
      source: "browser",
    });
  });

  it("refuses empty, unknown and malformed fields", () => {
    expect(JobInput.safeParse({ hashtags: [] }).success).toBe(false);
    expect(JobInput.safeParse({ hashtags: ["a"], since: "yesterday" }).success).toBe(false);
    expect(JobInput.safeParse({ hashtags: ["a"], source: "magic" }).success).toBe(false);
    expect(JobInput.safeParse({ hashtags: ["a"], posts: false }).success).toBe(false);
    expect(JobInput.safeParse({ hashtags: ["a"], proxy: "x" }).success).toBe(false);
  });

  it("fills a job's id into its routes", () => {
    expect(jobPath(API_ROUTES.jobCancel, 12)).toBe("/api/jobs/12/cancel");
  });
});
