import type { HashtagProgress, Job, JobError } from "../../shared/api/jobs.ts";
import type { HashtagReport } from "../download/download-types.ts";
import type { PostStore, StoredVideo, UpsertSummary } from "../store/post-store.ts";

/** Told about every change to the job's progress, to save it and tell the watchers. */
export type ProgressListener = (job: Job) => void;

/**
 * A running job's progress, kept up to date from what the download machinery does to the store: the same
 * code path as the CLI, watched rather than changed.
 */
export class JobProgress {
  constructor(
    readonly job: Job,
    private readonly changed: ProgressListener,
  ) {}

  private entry(hashtag: string): HashtagProgress | undefined {
    return this.job.progress.find((entry) => entry.hashtag === hashtag);
  }

  private update(hashtag: string, change: (entry: HashtagProgress) => void): void {
    const entry = this.entry(hashtag);
    if (!entry) return;
    change(entry);
    this.changed(this.job);
  }

  /** The machinery works on one hashtag at a time: starting one ends the one before. */
  private endOthers(hashtag: string, states: HashtagProgress["state"][]): void {
    for (const entry of this.job.progress)
      if (entry.hashtag !== hashtag && states.includes(entry.state)) entry.state = "done";
  }

  collecting(hashtag: string): void {
    this.endOthers(hashtag, ["posts"]);
    this.update(hashtag, (entry) => {
      entry.state = "posts";
      entry.error = null;
    });
  }

  stored(hashtag: string, summary: UpsertSummary): void {
    this.update(hashtag, (entry) => {
      entry.postsNew += summary.new;
      entry.postsSeen += summary.seen;
      // Posts arriving again means a retry worked: the waiting notice is over.
      if (entry.error?.retryAt) entry.error = null;
    });
  }

  mediaPlanned(hashtag: string, count: number): void {
    // Media comes after every hashtag's posts: the posts phase is over too.
    this.endOthers(hashtag, ["posts", "videos"]);
    this.update(hashtag, (entry) => {
      entry.state = "videos";
      entry.videosTotal = (entry.videosTotal === null ? 0 : entry.videosDone) + count;
    });
  }

  mediaStored(hashtag: string): void {
    this.update(hashtag, (entry) => {
      entry.videosDone += 1;
    });
  }

  /** A problem on the hashtag being worked on (a retry wait, a captcha). */
  problem(error: JobError): void {
    const current = this.job.progress.find((entry) => entry.state === "posts" || entry.state === "videos");
    if (current) this.update(current.hashtag, (entry) => (entry.error = error));
  }

  /** The end of the run: each hashtag done or failed as its report says; unreached ones as `unreached`. */
  finish(
    reports: HashtagReport[] | null,
    unreached: "cancelled" | "failed",
    error: (message: string) => JobError,
  ) {
    for (const entry of this.job.progress) {
      const report = reports?.find((candidate) => candidate.hashtag === entry.hashtag);
      const firstError = report?.errors[0];
      if (report && (report.posts !== null || report.videos !== null)) {
        entry.state = firstError === undefined ? "done" : "failed";
        entry.error = firstError === undefined ? null : (entry.error ?? error(firstError));
      } else if (entry.state !== "done") entry.state = unreached;
    }
  }
}

/**
 * The store the download machinery writes through, reporting each step to `progress`. A Proxy rather than a
 * copy: every other method reaches the real store unchanged.
 */
export const observedStore = <S extends PostStore>(store: S, progress: JobProgress): S =>
  new Proxy(store, {
    get(target, property) {
      switch (property) {
        case "startRun":
          return (hashtag: string, source: string) => {
            progress.collecting(hashtag);
            return target.startRun(hashtag, source);
          };
        case "upsertPosts":
          return (...args: Parameters<PostStore["upsertPosts"]>) => {
            const summary = target.upsertPosts(...args);
            progress.stored(args[0], summary);
            return summary;
          };
        case "postsWithoutVideo":
          return (hashtag: string) => {
            const posts = target.postsWithoutVideo(hashtag);
            progress.mediaPlanned(hashtag, posts.length);
            return posts;
          };
        case "recordVideo":
          return (video: StoredVideo) => {
            target.recordVideo(video);
            progress.mediaStored(video.hashtag);
          };
        default: {
          const value = Reflect.get(target, property, target) as unknown;
          return typeof value === "function" ? value.bind(target) : value;
        }
      }
    },
  });
