import { describe, expect, it } from "vitest";
import type { Job } from "../../shared/api/jobs.ts";
import { describeReportError } from "./job-error.ts";
import { JobProgress } from "./job-progress.ts";

const job = (): Job => ({
  id: 1,
  hashtags: ["a", "b", "c"],
  posts: true,
  videos: true,
  limit: 10,
  since: null,
  source: "browser",
  origin: "api",
  state: "running",
  progress: ["a", "b", "c"].map((hashtag) => ({
    hashtag,
    state: "waiting",
    postsNew: 0,
    postsSeen: 0,
    videosDone: 0,
    videosTotal: null,
    error: null,
  })),
  error: null,
  createdAt: "2025-01-01T00:00:00.000Z",
  startedAt: "2025-01-01T00:00:00.000Z",
  finishedAt: null,
});

describe("a job's progress, from what the download does to the store", () => {
  it("follows the machinery hashtag by hashtag and tells the listener each time", () => {
    const seen: string[] = [];
    const progress = new JobProgress(job(), (changed) =>
      seen.push(changed.progress.map((entry) => entry.state).join(",")),
    );
    progress.collecting("a");
    progress.stored("a", { new: 3, seen: 1 });
    progress.problem({ kind: "rate-limit", message: "waiting", retryAt: "2025-01-01T00:01:00.000Z" });
    expect(progress.job.progress[0]?.error?.kind).toBe("rate-limit");
    progress.stored("a", { new: 2, seen: 0 });
    expect(progress.job.progress[0]?.error).toBeNull();
    progress.collecting("b");
    progress.mediaPlanned("a", 4);
    progress.mediaStored("a");
    expect(progress.job.progress[0]).toMatchObject({
      state: "videos",
      postsNew: 5,
      postsSeen: 1,
      videosDone: 1,
      videosTotal: 4,
    });
    expect(seen).toEqual([
      "posts,waiting,waiting",
      "posts,waiting,waiting",
      "posts,waiting,waiting",
      "posts,waiting,waiting",
      "done,posts,waiting",
      "videos,done,waiting",
      "videos,done,waiting",
    ]);
  });

  it("ends reached hashtags as their reports say and the rest as cancelled or failed", () => {
    const progress = new JobProgress(job(), () => {});
    progress.collecting("a");
    progress.collecting("b");
    progress.finish(
      [
        { hashtag: "a", posts: { collected: 1, new: 1, total: 1 }, videos: null, errors: [] },
        {
          hashtag: "b",
          posts: { collected: 0, new: 0, total: 0 },
          videos: null,
          errors: ["TikTok showed a captcha"],
        },
        { hashtag: "c", posts: null, videos: null, errors: [] },
      ],
      "failed",
      describeReportError,
    );
    expect(progress.job.progress.map((entry) => [entry.state, entry.error?.kind ?? null])).toEqual([
      ["done", null],
      ["failed", "captcha"],
      ["failed", null],
    ]);
    const cancelled = new JobProgress(job(), () => {});
    cancelled.collecting("a");
    cancelled.collecting("b");
    cancelled.finish(null, "cancelled", describeReportError);
    expect(cancelled.job.progress.map((entry) => entry.state)).toEqual(["done", "cancelled", "cancelled"]);
  });
});
