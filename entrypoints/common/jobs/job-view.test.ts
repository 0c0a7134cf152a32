import { describe, expect, it } from "vitest";
import type { HashtagProgress, Job } from "../../../shared/api/jobs.ts";
import { toJobView } from "./job-view.ts";

const job = (change: Partial<Job> = {}): Job => ({
  id: 9,
  hashtags: ["travel"],
  posts: true,
  videos: false,
  limit: 100,
  since: null,
  source: "browser",
  origin: "api",
  state: "running",
  progress: [],
  error: null,
  createdAt: "2026-01-01T00:00:00Z",
  startedAt: "2026-01-01T00:00:01Z",
  finishedAt: null,
  ...change,
});
const progress = (change: Partial<HashtagProgress> = {}): HashtagProgress => ({
  hashtag: "travel",
  state: "posts",
  postsNew: 10,
  postsSeen: 25,
  videosDone: 0,
  videosTotal: null,
  error: null,
  ...change,
});

describe("toJobView", () => {
  it("shows a queued job waiting at 0 and a finished one at 1", () => {
    expect(toJobView(job({ state: "queued" }))).toMatchObject({
      status: "queued",
      progress: 0,
      detail: "waiting for its turn",
    });
    expect(toJobView(job({ state: "done", progress: [progress({ state: "done" })] }))).toMatchObject({
      progress: 1,
      detail: "35 posts found, 10 new",
      error: null,
    });
  });

  it("measures posts against the limit and videos against their total", () => {
    expect(toJobView(job({ progress: [progress()] })).progress).toBe(0.35);
    const videos = job({
      videos: true,
      progress: [progress({ state: "videos", videosDone: 3, videosTotal: 4 })],
    });
    expect(toJobView(videos)).toMatchObject({
      progress: 0.75,
      kind: "posts and videos",
      detail: "35 posts found, 10 new, 3 videos",
    });
  });

  it("says a captcha and a rate limit in plain words", () => {
    const captcha = progress({ error: { kind: "captcha", message: "captcha", retryAt: null } });
    expect(toJobView(job({ state: "failed", progress: [captcha] })).error).toBe(
      "TikTok asks for a captcha: open TikTok in a window and solve it, then collect again.",
    );
    const limited = progress({
      error: { kind: "rate-limit", message: "429", retryAt: "2026-01-01T00:01:00Z" },
    });
    expect(toJobView(job({ progress: [limited] }), Date.parse("2026-01-01T00:00:30Z")).error).toBe(
      "TikTok is limiting requests; the companion retries in 30 s.",
    );
  });

  it("prefers the job's own error (an interrupted run)", () => {
    const interrupted = job({
      state: "interrupted",
      error: { kind: "interrupted", message: "the companion stopped while it ran", retryAt: null },
      progress: [progress({ error: { kind: "other", message: "x", retryAt: null } })],
    });
    expect(toJobView(interrupted)).toMatchObject({
      status: "interrupted",
      error: "Interrupted: the companion stopped while it ran",
    });
  });
});
