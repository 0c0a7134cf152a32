/**
 * The companion's HTTP API, shared by the server (companion/server) and the extension, with zod schemas for
 * what crosses the wire. The server listens on 127.0.0.1 only.
 */
import { z } from "zod";
import type { Post } from "../post/post.ts";

export { DEFAULT_PORT } from "./default-port.ts";

export const ErrorResponse = z.object({ error: z.string() });

export const HealthResponse = z.object({
  ok: z.literal(true),
  name: z.literal("tiktok-hashtag-analysis"),
  version: z.string(),
  posts: z.number().int().nonnegative(),
});

export const HashtagSummary = z.object({
  hashtag: z.string(),
  posts: z.number().int().nonnegative(),
  videos: z.number().int().nonnegative(),
  lastCollectedAt: z.string().nullable(),
  lastError: z.string().nullable(),
});

export const HashtagsResponse = z.object({ hashtags: z.array(HashtagSummary) });

export const MAX_PAGE = 500;

export const PostsQuery = z.object({
  limit: z.coerce.number().int().min(1).max(MAX_PAGE).default(50),
  offset: z.coerce.number().int().min(0).default(0),
});

const isPostLike = (value: unknown): value is Post =>
  typeof value === "object" && value !== null && typeof (value as { id?: unknown }).id === "string";

/** A page of a hashtag's posts, newest first (undated ones last). */
export const PostsResponse = z.object({
  hashtag: z.string(),
  total: z.number().int().nonnegative(),
  limit: z.number().int(),
  offset: z.number().int(),
  posts: z.array(z.custom<Post>(isPostLike, "expected a post")),
});

/** `since`/`until` as the CLI reads them: a date (2025-01-31, until includes that whole day) or an ISO instant. */
export const FrequenciesQuery = z.object({
  n: z.coerce.number().int().min(1).max(1000).default(20),
  since: z.string().min(1).optional(),
  until: z.string().min(1).optional(),
});

export const FrequencyRow = z.object({
  rank: z.number().int().nonnegative(),
  hashtag: z.string(),
  count: z.number().int().nonnegative(),
  ratio: z.number(),
});

export const FrequenciesResponse = z.object({
  hashtag: z.string(),
  totalPosts: z.number().int().nonnegative(),
  rows: z.array(FrequencyRow),
});

export const MAX_ITEMS_PER_REQUEST = 5000;

/** How deeply one posted item may nest; a TikTok item needs about ten levels. Deeper items are rejected alone. */
export const MAX_ITEM_DEPTH = 40;

/** TikTok usernames: letters, digits, `_` and `.`, at most 24 (case does not matter, so kept lower-case). */
const USERNAME = /^[a-z0-9_.]{1,24}$/u;
export const MAX_SEARCH_TERM = 200;

/**
 * Where posts were captured when not on a tag page: a profile (`@user`), a search (`search:<term>`) or the
 * For You feed. The companion stores such posts without linking them to a hashtag, and records the context.
 */
export const CaptureContext = z.discriminatedUnion("kind", [
  z.object({
    kind: z.literal("profile"),
    value: z
      .string()
      .trim()
      .transform((name) => name.replace(/^@/u, "").toLowerCase())
      .pipe(z.string().regex(USERNAME, "a username is 1 to 24 letters, digits, '_' or '.'")),
  }),
  z.object({
    kind: z.literal("search"),
    value: z
      .string()
      .trim()
      .transform((term) => term.normalize("NFC").replace(/\s+/gu, " "))
      .pipe(
        z
          .string()
          .min(1, "a search term cannot be empty")
          .max(MAX_SEARCH_TERM, `a search term is at most ${MAX_SEARCH_TERM} characters`)
          // biome-ignore lint/suspicious/noControlCharactersInRegex: control characters are what it refuses
          .regex(/^[^\u0000-\u001f\u007f]*$/u, "a search term cannot hold control characters"),
      ),
  }),
  z.object({ kind: z.literal("feed"), value: z.literal("").default("") }),
]);

/** A capture context as text: `@user`, `search:<term>`, `feed` (the CLI's `--context`, the listing). */
export const contextLabel = (context: CaptureContext): string =>
  context.kind === "profile"
    ? `@${context.value}`
    : context.kind === "search"
      ? `search:${context.value}`
      : "feed";

/** The context a label names (`@user`, `search:<term>`, `feed`), validated as the API validates it. */
export const parseContextLabel = (
  label: string,
): { ok: true; context: CaptureContext } | { ok: false; error: string } => {
  const text = label.trim();
  const candidate = text.startsWith("@")
    ? { kind: "profile", value: text.slice(1) }
    : text.startsWith("search:")
      ? { kind: "search", value: text.slice("search:".length) }
      : text === "feed"
        ? { kind: "feed" }
        : null;
  if (candidate === null) return { ok: false, error: `"${label}" is not @user, search:<term> or feed` };
  const result = CaptureContext.safeParse(candidate);
  return result.success
    ? { ok: true, context: result.data }
    : { ok: false, error: `"${label}": ${result.error.issues[0]?.message ?? "invalid"}` };
};

/**
 * Raw TikTok items the extension captured on a page (item_list responses, rehydration data): for a hashtag (a tag
 * page, a collection) or, captured elsewhere, with their capture context. Exactly one of the two.
 */
export const PostItemsRequest = z
  .object({
    hashtag: z.string().optional(),
    context: CaptureContext.optional(),
    /** How the extension got the items: "captured" by passive capture while the user browsed. Names the run. */
    source: z.enum(["extension", "captured"]).default("extension"),
    source_url: z
      .url({ protocol: /^https?$/u, error: "source_url must be an http(s) URL" })
      .nullable()
      .optional(),
    items: z.array(z.unknown()).max(MAX_ITEMS_PER_REQUEST),
  })
  .refine((body) => (body.hashtag === undefined) !== (body.context === undefined), {
    message: "give either hashtag or context, not both or neither",
  });

/** An item that was not stored, by its index in `items`, with the reason. */
export const ItemRejection = z.object({ index: z.number().int().nonnegative(), reason: z.string() });

export const PostItemsResponse = z.object({
  new: z.number().int().nonnegative(),
  seen: z.number().int().nonnegative(),
  rejected: z.number().int().nonnegative(),
  rejections: z.array(ItemRejection).default([]),
});

export type ErrorResponse = z.infer<typeof ErrorResponse>;
export type HealthResponse = z.infer<typeof HealthResponse>;
export type HashtagsResponse = z.infer<typeof HashtagsResponse>;
export type PostsQuery = z.infer<typeof PostsQuery>;
export type PostsResponse = z.infer<typeof PostsResponse>;
export type FrequenciesQuery = z.infer<typeof FrequenciesQuery>;
export type FrequenciesResponse = z.infer<typeof FrequenciesResponse>;
export type PostItemsRequest = z.input<typeof PostItemsRequest>;
export type CaptureContext = z.infer<typeof CaptureContext>;
export type PostItemsResponse = z.infer<typeof PostItemsResponse>;
export type ItemRejection = z.infer<typeof ItemRejection>;

/** The routes, as the server declares them and clients fill them in, so the two cannot drift apart. */
export const API_ROUTES = {
  health: "/api/health",
  hashtags: "/api/hashtags",
  posts: "/api/hashtags/:tag/posts",
  frequencies: "/api/hashtags/:tag/frequencies",
  postItems: "/api/posts",
  // Jobs, follows and the sync feed (schemas in jobs.ts, follows.ts, sync.ts, runs.ts beside this file).
  follows: "/api/follows",
  follow: "/api/follows/:tag",
  jobs: "/api/jobs",
  jobsEvents: "/api/jobs/events",
  job: "/api/jobs/:id",
  jobEvents: "/api/jobs/:id/events",
  jobCancel: "/api/jobs/:id/cancel",
  sync: "/api/sync",
  syncStream: "/api/sync/stream",
  runs: "/api/hashtags/:tag/runs",
  // A post's stored video (or image), with HTTP Range.
  media: "/api/posts/:id/media",
} as const;

/** A route with its :tag filled in. */
export const apiPath = (route: (typeof API_ROUTES)[keyof typeof API_ROUTES], hashtag = ""): string =>
  route.replace(":tag", encodeURIComponent(hashtag));
