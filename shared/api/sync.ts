/**
 * The sync feed: the store's changes in order, so a client mirrors it incrementally. Every upsert or link of a
 * post, every media download and every run start/finish takes the next value of one change sequence, in the same
 * transaction as the write. GET API_ROUTES.sync?cursor=<nextCursor>&limit=N returns what changed after the
 * cursor: a post appears again only when it changed again. Start with cursor "0"; keep nextCursor.
 */
import { z } from "zod";
import { CollectionRunSchema } from "./runs.ts";

/** Changes per page at most: large pages, since a client pays per page (a request, an IndexedDB transaction). */
export const MAX_SYNC_PAGE = 10_000;

export const SyncQuery = z.object({
  cursor: z
    .string()
    .regex(/^\d{1,15}$/u, "cursor is a nextCursor from an earlier page, or 0")
    .default("0"),
  limit: z.coerce.number().int().min(1).max(MAX_SYNC_PAGE).default(500),
});

const nullableString = z.string().nullable();
const nullableNumber = z.number().nullable();

/** A Post without `raw`: what the dashboard and the CSV export (shared/export/post-csv.ts) need. */
export const SlimPost = z.object({
  id: z.string(),
  description: z.string(),
  createTime: nullableNumber,
  createTimeISO: nullableString,
  author: z.object({
    id: nullableString,
    uniqueId: nullableString,
    nickname: nullableString,
    verified: z.boolean().nullable(),
    secUid: nullableString,
    followers: nullableNumber,
  }),
  hashtags: z.array(z.string()),
  mentions: z.array(z.string()),
  stats: z.object({
    plays: nullableNumber,
    likes: nullableNumber,
    shares: nullableNumber,
    comments: nullableNumber,
    saves: nullableNumber,
  }),
  video: z.object({
    duration: nullableNumber,
    width: nullableNumber,
    height: nullableNumber,
    cover: nullableString,
    playAddr: nullableString,
    downloadAddr: nullableString,
  }),
  music: z.object({
    id: nullableString,
    title: nullableString,
    author: nullableString,
    playUrl: nullableString,
  }),
  isAd: z.boolean(),
  locationCreated: nullableString,
  images: z.array(z.string()),
  source: z.object({
    kind: z.enum([
      "web-api",
      "web-rehydration",
      "sigi-state",
      "next-data",
      "tiktok-scraper",
      "posts-json",
      "zeeschuimer",
      "web-api-2020",
      "aweme",
      "research-api",
      "csv",
    ]),
    url: nullableString,
    collectedAt: nullableString,
  }),
});

/** A post was collected for a hashtag (not the post's own hashtags: those are SlimPost.hashtags). */
export const SyncLink = z.object({ hashtag: z.string(), postId: z.string() });

/** A post's downloaded media; stream it from API_ROUTES.media. */
export const SyncVideo = z.object({
  postId: z.string(),
  hashtag: z.string(),
  size: z.number().int().nonnegative(),
  downloadedAt: z.string(),
});

export const SyncPage = z.object({
  /** Posts changed after the cursor, in change order. */
  posts: z.array(SlimPost),
  /** Every hashtag link of those posts (links are never removed). */
  links: z.array(SyncLink),
  /** The media of those posts that is downloaded. */
  videos: z.array(SyncVideo),
  /** Runs started or finished after the cursor. */
  runs: z.array(CollectionRunSchema),
  /** Pass it as `cursor` next time; equals the request's cursor when nothing changed. */
  nextCursor: z.string(),
  /** More changes are waiting: ask again at once. */
  hasMore: z.boolean(),
});

export type SyncQuery = z.infer<typeof SyncQuery>;
export type SlimPost = z.infer<typeof SlimPost>;
export type SyncLink = z.infer<typeof SyncLink>;
export type SyncVideo = z.infer<typeof SyncVideo>;
export type SyncPage = z.infer<typeof SyncPage>;
