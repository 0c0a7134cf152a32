/**
 * The analyses of shared/analysis over HTTP (companion/server/routes/analysis.ts): the co-hashtag network, trends
 * and engagement. Dates are read as the CLI reads them: a day (YYYY-MM-DD, UTC; `until`/`to` include the whole
 * day), an ISO 8601 time or epoch seconds.
 */
import { z } from "zod";
import { ENGAGEMENT_METRICS } from "../analysis/engagement.ts";
import { TREND_PERIODS } from "../analysis/hashtag-trends.ts";

export const ANALYSIS_ROUTES = {
  network: "/api/hashtags/:tag/network",
  trends: "/api/hashtags/:tag/trends",
  growth: "/api/hashtags/:tag/engagement",
  postEngagement: "/api/posts/:id/engagement",
} as const;

/** A route with its :tag or :id filled in. */
export const analysisPath = (
  route: (typeof ANALYSIS_ROUTES)[keyof typeof ANALYSIS_ROUTES],
  key: string,
): string => route.replace(/:tag|:id/u, encodeURIComponent(key));

const count = z.number().int().nonnegative();
const date = z.string().min(1).optional();

/** Both or neither: a comparison needs its two ends. */
const pair = <T extends z.ZodRawShape>(shape: T, a: keyof T & string, b: keyof T & string) =>
  z
    .object(shape)
    .refine(
      (query) =>
        (query[a as keyof typeof query] === undefined) === (query[b as keyof typeof query] === undefined),
      {
        message: `give both ${a} and ${b}, or neither`,
        path: [a],
      },
    );

export const NetworkQuery = z.object({
  top: z.coerce.number().int().min(1).max(1000).default(100),
  minWeight: z.coerce.number().int().min(1).default(1),
  since: date,
  until: date,
});

export const NetworkResponse = z.object({
  hashtag: z.string(),
  totalPosts: count,
  nodes: z.array(z.object({ hashtag: z.string(), posts: count })),
  edges: z.array(z.object({ source: z.string(), target: z.string(), weight: count })),
});

export const TrendsQuery = pair(
  {
    period: z.enum(TREND_PERIODS).default("day"),
    top: z.coerce.number().int().min(0).max(100).default(10),
    changes: z.coerce.number().int().min(1).max(1000).default(10),
    since: date,
    until: date,
    /** The first days of the two periods to compare; by default the last two. */
    before: date,
    after: date,
  },
  "before",
  "after",
);

const TagChange = z.object({
  hashtag: z.string(),
  before: z.object({ posts: count, share: z.number() }),
  after: z.object({ posts: count, share: z.number() }),
  change: z.number(),
});

const PeriodPosts = z.object({ start: z.string(), posts: count });

export const TrendsResponse = z.object({
  hashtag: z.string(),
  period: z.enum(TREND_PERIODS),
  totalPosts: count,
  undated: count,
  periods: z.array(PeriodPosts),
  tags: z.array(
    z.object({
      hashtag: z.string(),
      total: count,
      counts: z.array(count),
      shares: z.array(z.number().nullable()),
    }),
  ),
  comparison: z
    .object({
      before: PeriodPosts,
      after: PeriodPosts,
      rising: z.array(TagChange),
      falling: z.array(TagChange),
    })
    .nullable(),
});

export const GrowthQuery = pair(
  {
    metric: z.enum(ENGAGEMENT_METRICS).default("plays"),
    limit: z.coerce.number().int().min(1).max(1000).default(20),
    /** Counts as known at these two times; by default the hashtag's last two finished collections. */
    from: date,
    to: date,
  },
  "from",
  "to",
);

const Observed = z.object({ seenAt: z.string(), value: z.number() });

/** `from`/`to` null: the hashtag has fewer than two finished collections, and none were given. */
export const GrowthResponse = z.object({
  hashtag: z.string(),
  metric: z.enum(ENGAGEMENT_METRICS),
  from: z.string().nullable(),
  to: z.string().nullable(),
  posts: z.array(
    z.object({
      postId: z.string(),
      metric: z.enum(ENGAGEMENT_METRICS),
      before: Observed,
      after: Observed,
      growth: z.number(),
      relative: z.number().nullable(),
      perDay: z.number().nullable(),
      author: z.string().nullable(),
      description: z.string(),
      /** Epoch seconds. */
      createTime: z.number().int().nullable(),
      url: z.string(),
    }),
  ),
});

const maybeCount = z.number().nullable();

export const PostEngagementResponse = z.object({
  postId: z.string(),
  points: z.array(
    z.object({
      seenAt: z.string(),
      plays: maybeCount,
      likes: maybeCount,
      shares: maybeCount,
      comments: maybeCount,
    }),
  ),
});

export type NetworkQuery = z.infer<typeof NetworkQuery>;
export type NetworkResponse = z.infer<typeof NetworkResponse>;
export type TrendsQuery = z.infer<typeof TrendsQuery>;
export type TrendsResponse = z.infer<typeof TrendsResponse>;
export type GrowthQuery = z.infer<typeof GrowthQuery>;
export type GrowthResponse = z.infer<typeof GrowthResponse>;
export type PostEngagementResponse = z.infer<typeof PostEngagementResponse>;
