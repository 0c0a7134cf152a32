/**
 * Jobs: a collection (what the CLI's `download` does) started, watched and cancelled over HTTP. One runs at a
 * time; the rest wait in order. Routes: API_ROUTES.jobs (GET list, POST create), API_ROUTES.job (GET one),
 * API_ROUTES.jobCancel (POST), API_ROUTES.jobsEvents / API_ROUTES.jobEvents (Server-Sent Events).
 */
import { z } from "zod";

export const JOB_STATES = ["queued", "running", "done", "failed", "cancelled", "interrupted"] as const;
export const JobState = z.enum(JOB_STATES);
/** A job in one of these states never changes again. */
export const FINISHED_JOB_STATES: readonly JobState[] = ["done", "failed", "cancelled", "interrupted"];

export const MAX_JOB_HASHTAGS = 100;

/** A date (2025-01-31) or an ISO 8601 instant, as the CLI's --since. */
const DateText = z
  .string()
  .refine((text) => /^\d{4}-\d{2}-\d{2}/u.test(text) && Number.isFinite(Date.parse(text)), {
    message: "expected a date like 2025-01-31 or an ISO 8601 time",
  });

/** POST body. Hashtags are checked (and normalised) by the server as the CLI does; `#` is allowed. */
export const JobInput = z
  .object({
    hashtags: z.array(z.string()).min(1).max(MAX_JOB_HASHTAGS),
    posts: z.boolean().default(true),
    videos: z.boolean().default(false),
    limit: z.number().int().min(1).max(100_000).default(1000),
    since: DateText.nullable().default(null),
    source: z.enum(["browser", "scraper"]).default("browser"),
  })
  .strict()
  .refine((input) => input.posts || input.videos, { message: "a job collects posts, videos or both" });

export const JobErrorKind = z.enum(["captcha", "rate-limit", "network", "interrupted", "other"]);

/** What went wrong, in plain words ("open TikTok in a window and solve it"), and when it retries if it does. */
export const JobError = z.object({
  kind: JobErrorKind,
  message: z.string(),
  /** A rate limit: when the collector tries again (ISO); null otherwise. */
  retryAt: z.string().nullable(),
});

export const HashtagProgress = z.object({
  hashtag: z.string(),
  state: z.enum(["waiting", "posts", "videos", "done", "failed", "cancelled"]),
  postsNew: z.number().int().nonnegative(),
  postsSeen: z.number().int().nonnegative(),
  videosDone: z.number().int().nonnegative(),
  /** Media to download for the hashtag; null until known. */
  videosTotal: z.number().int().nonnegative().nullable(),
  error: JobError.nullable(),
});

export const Job = z.object({
  id: z.number().int().positive(),
  hashtags: z.array(z.string()),
  posts: z.boolean(),
  videos: z.boolean(),
  limit: z.number().int(),
  since: z.string().nullable(),
  source: z.enum(["browser", "scraper"]),
  /** "follow" when the schedule queued it, "api" when a client did. */
  origin: z.enum(["api", "follow"]),
  state: JobState,
  progress: z.array(HashtagProgress),
  /** Why the job failed or was interrupted; a hashtag's own problems are in its progress. */
  error: JobError.nullable(),
  createdAt: z.string(),
  startedAt: z.string().nullable(),
  finishedAt: z.string().nullable(),
});

export const JobsResponse = z.object({ jobs: z.array(Job) });

/**
 * An SSE message: `id: <seq>`, `event: job`, `data: JobEvent` (JSON). seq increases across all jobs; reconnect
 * with the `Last-Event-ID` header (EventSource does it by itself) to get what was missed. `kind` says what
 * changed; `job` is always the job's full state after it. When the missed events are no longer kept, the stream
 * starts with a `kind: "snapshot"` event per job instead, so a client always ends up with the current state.
 */
export const JobEvent = z.object({
  seq: z.number().int().nonnegative(),
  jobId: z.number().int().positive(),
  kind: z.enum(["snapshot", "queued", "started", "progress", "message", "finished"]),
  /** A line of the run's output (kind "message"), e.g. "Scraped 12 posts containing the hashtag 'x' (3 new)". */
  message: z.string().nullable(),
  job: Job,
});

export const JOB_EVENT_NAME = "job";

export type JobState = z.infer<typeof JobState>;
export type JobInput = z.input<typeof JobInput>;
export type ParsedJobInput = z.output<typeof JobInput>;
export type JobErrorKind = z.infer<typeof JobErrorKind>;
export type JobError = z.infer<typeof JobError>;
export type HashtagProgress = z.infer<typeof HashtagProgress>;
export type Job = z.infer<typeof Job>;
export type JobsResponse = z.infer<typeof JobsResponse>;
export type JobEvent = z.infer<typeof JobEvent>;

/** A job route with its :id filled in. */
export const jobPath = (route: string, id: number): string => route.replace(":id", String(id));
