/**
 * Followed hashtags: the hashtags the companion collects on its own, each on an optional schedule, while `start`
 * runs. Routes: API_ROUTES.follows (GET list), API_ROUTES.follow (PUT add or update, DELETE remove).
 */
import ms from "ms";
import { z } from "zod";
import { CollectionRunSchema } from "./runs.ts";

/** TikTok should be visited at most once a minute, as the CLI's --every says. */
export const MIN_EVERY_MS = 60_000;

/** Milliseconds for an ms-style duration ("30m", "6h", "1d", or a plain number of ms), or null when unreadable. */
export const everyToMs = (every: string): number | null => {
  const value = /^\s*\d+\s*$/u.test(every) ? Number(every) : ms(every as ms.StringValue);
  return typeof value === "number" && Number.isFinite(value) && value > 0 ? value : null;
};

export const Every = z.string().superRefine((every, context) => {
  const value = everyToMs(every);
  if (value === null)
    context.addIssue({
      code: "custom",
      message: `cannot read ${JSON.stringify(every)} as a duration (e.g. 30m, 6h, 1d)`,
    });
  else if (value < MIN_EVERY_MS)
    context.addIssue({ code: "custom", message: `every ${every} is too often: at most once a minute` });
});

const DEFAULT_LIMIT = 1000;

/** PUT body: adds the hashtag, or replaces its schedule. `every: null` follows it without a schedule. */
export const FollowInput = z
  .object({
    every: Every.nullable().default(null),
    posts: z.boolean().default(true),
    videos: z.boolean().default(false),
    limit: z.number().int().min(1).max(100_000).default(DEFAULT_LIMIT),
  })
  .strict()
  .refine((input) => input.posts || input.videos, { message: "a follow collects posts, videos or both" });

export const Follow = z.object({
  hashtag: z.string(),
  every: z.string().nullable(),
  posts: z.boolean(),
  videos: z.boolean(),
  limit: z.number().int(),
  createdAt: z.string(),
  /** When the scheduler next queues it (ISO); null without a schedule. */
  nextRunAt: z.string().nullable(),
  /** The hashtag's latest collection run, whoever ran it (the CLI, a job, the schedule); null if never. */
  lastRun: CollectionRunSchema.nullable(),
});

export const FollowsResponse = z.object({ follows: z.array(Follow) });

export type FollowInput = z.input<typeof FollowInput>;
export type ParsedFollowInput = z.output<typeof FollowInput>;
export type Follow = z.infer<typeof Follow>;
export type FollowsResponse = z.infer<typeof FollowsResponse>;
