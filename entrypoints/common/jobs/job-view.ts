import type { HashtagProgress, Job, JobError } from "../../../shared/api/jobs.ts";
import type { JobView } from "../messages/extension-messages.ts";

/** A job's problem in words a researcher can act on. */
export const describeJobError = (error: JobError, now = Date.now()): string => {
  switch (error.kind) {
    case "captcha":
      return "TikTok asks for a captcha: open TikTok in a window and solve it, then collect again.";
    case "rate-limit": {
      if (error.retryAt === null) return "TikTok is limiting requests; the companion retries later.";
      const seconds = Math.max(0, Math.round((Date.parse(error.retryAt) - now) / 1000));
      return `TikTok is limiting requests; the companion retries in ${seconds} s.`;
    }
    case "network":
      return `The network failed: ${error.message}`;
    case "interrupted":
      return `Interrupted: ${error.message}`;
    default:
      return error.message;
  }
};

/** Progress in 0..1: media against their total once known, else posts found against the job's limit. */
const progressOf = (job: Job): number | null => {
  if (job.state === "done") return 1;
  if (job.state === "queued" || job.progress.length === 0) return job.state === "queued" ? 0 : null;
  const share = (item: HashtagProgress): number => {
    if (item.state === "done" || item.state === "failed" || item.state === "cancelled") return 1;
    if (item.state === "waiting") return 0;
    if (item.state === "videos")
      return item.videosTotal === null || item.videosTotal === 0 ? 0.5 : item.videosDone / item.videosTotal;
    return Math.min((item.postsNew + item.postsSeen) / job.limit, 1);
  };
  return job.progress.reduce((sum, item) => sum + share(item), 0) / job.progress.length;
};

const counts = (job: Job): string => {
  const sum = (key: "postsNew" | "postsSeen" | "videosDone") =>
    job.progress.reduce((total, item) => total + item[key], 0);
  // The store's "seen" are posts it already had; together with the new ones they are what the run found.
  const posts = `${sum("postsNew") + sum("postsSeen")} posts found, ${sum("postsNew")} new`;
  return job.videos ? `${posts}, ${sum("videosDone")} videos` : posts;
};

/** The job as the popup shows it; the last error is the job's own, else its latest hashtag's. */
export const toJobView = (job: Job, now = Date.now()): JobView => {
  const error = job.error ?? [...job.progress].reverse().find((item) => item.error !== null)?.error ?? null;
  return {
    id: job.id,
    hashtag: job.hashtags.map((tag) => `#${tag}`).join(" "),
    kind: job.posts && job.videos ? "posts and videos" : job.videos ? "videos" : "posts",
    status: job.state,
    progress: progressOf(job),
    detail: job.state === "queued" ? "waiting for its turn" : counts(job),
    error: error === null ? null : describeJobError(error, now),
  };
};
