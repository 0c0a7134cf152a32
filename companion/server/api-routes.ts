import { type Request, type Response, Router } from "express";
import type { z } from "zod";
import { rankHashtags } from "../../shared/analysis/hashtag-frequencies.ts";
import {
  API_ROUTES,
  type CaptureContext,
  FrequenciesQuery,
  type FrequenciesResponse,
  type HashtagsResponse,
  type HealthResponse,
  type ItemRejection,
  MAX_ITEM_DEPTH,
  PostItemsRequest,
  type PostItemsResponse,
  PostsQuery,
  type PostsResponse,
} from "../../shared/api/contract.ts";
import { parseHashtag } from "../../shared/hashtag/hashtag.ts";
import { valueDepth } from "../../shared/json/value-depth.ts";
import { parseRecord } from "../../shared/post/parse-any.ts";
import type { Post } from "../../shared/post/post.ts";
import { parseTimeRange } from "../cli/parse-arguments.ts";
import type { CompanionStore, TimeRange } from "../store/post-store.ts";
import { BadRequest } from "./bad-request.ts";
import { isStoreBusy } from "./store-busy.ts";

export { BadRequest } from "./bad-request.ts";

const timeRange = (since: string | undefined, until: string | undefined): TimeRange => {
  try {
    return parseTimeRange(since, until);
  } catch (error) {
    throw new BadRequest((error as Error).message.replaceAll("--", ""));
  }
};

const parse = <T>(schema: z.ZodType<T>, value: unknown, what: string): T => {
  const result = schema.safeParse(value);
  if (result.success) return result.data;
  const issue = result.error.issues[0];
  const path = issue?.path.length ? `${issue.path.join(".")}: ` : "";
  throw new BadRequest(`Invalid ${what}: ${path}${issue?.message ?? "malformed"}`);
};

const hashtagParam = (request: Request): string => {
  const result = parseHashtag(request.params.tag);
  if (!result.ok) throw new BadRequest(result.error);
  return result.hashtag;
};

/** The API of shared/api/contract.ts over a store. */
export const apiRouter = (store: CompanionStore, version: string): Router => {
  const router = Router();

  router.get(API_ROUTES.health, (_request, response: Response<HealthResponse>) => {
    response.json({ ok: true, name: "tiktok-hashtag-analysis", version, posts: store.totalPosts() });
  });

  router.get(API_ROUTES.hashtags, (_request, response: Response<HashtagsResponse>) => {
    response.json({ hashtags: store.hashtags() });
  });

  router.get(API_ROUTES.posts, (request, response: Response<PostsResponse>) => {
    const hashtag = hashtagParam(request);
    const page = parse(PostsQuery, request.query, "query");
    const total = store.countPosts(hashtag);
    response.json({ hashtag, total, ...page, posts: store.postsPage(hashtag, page) });
  });

  router.get(API_ROUTES.frequencies, (request, response: Response<FrequenciesResponse>) => {
    const hashtag = hashtagParam(request);
    const { n, since, until } = parse(FrequenciesQuery, request.query, "query");
    response.json(rankHashtags(store.hashtagCounts(hashtag, timeRange(since, until)), hashtag, n));
  });

  router.post(API_ROUTES.postItems, async (request, response: Response<PostItemsResponse>) => {
    const body = parse(PostItemsRequest, request.body, "body");
    const { context } = body;
    const tag = context === undefined ? parseHashtag(body.hashtag) : null;
    if (tag !== null && !tag.ok) throw new BadRequest(tag.error);
    const source = {
      kind: "web-api",
      url: body.source_url ?? null,
      collectedAt: new Date().toISOString(),
    } as const;
    const posts: Post[] = [];
    const rejections: ItemRejection[] = [];
    for (const [index, item] of body.items.entries()) {
      const result =
        valueDepth(item) > MAX_ITEM_DEPTH
          ? { ok: false as const, reason: `nested deeper than ${MAX_ITEM_DEPTH} levels` }
          : parseRecord(item, source);
      if (result.ok) posts.push(result.post);
      else rejections.push({ index, reason: result.reason });
    }
    // One write transaction, taken at once or not at all: when another process holds the lock, nothing (not even
    // the run) is written and the 503 tells the client to send the same batch again.
    let summary: ReturnType<CompanionStore["upsertPosts"]>;
    // Captured outside a tag page: no run (runs belong to a hashtag, and the extension lists them as hashtags);
    // post_contexts keeps where and when instead.
    if (tag === null) summary = store.upsertCapturedPosts(context as CaptureContext, posts);
    else
      try {
        summary = await store.atomically(async () => {
          const run = store.startRun(tag.hashtag, body.source);
          const result = store.upsertPosts(tag.hashtag, posts, { runId: run });
          store.finishRun(run, { postsNew: result.new, postsSeen: result.seen });
          return result;
        });
      } catch (error) {
        // The batch rolled back; record the failed run with its reason, so the hashtag's history shows it.
        if (!isStoreBusy(error)) {
          const run = store.startRun(tag.hashtag, body.source);
          store.finishRun(run, { postsNew: 0, postsSeen: 0, error: (error as Error).message });
        }
        throw error;
      }
    response.json({ new: summary.new, seen: summary.seen, rejected: rejections.length, rejections });
  });

  return router;
};
