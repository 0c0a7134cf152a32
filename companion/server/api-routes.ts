import { type Request, type Response, Router } from "express";
import type { z } from "zod";
import { rankHashtags } from "../../shared/analysis/hashtag-frequencies.ts";
import {
  API_ROUTES,
  FrequenciesQuery,
  type FrequenciesResponse,
  type HashtagsResponse,
  type HealthResponse,
  PostItemsRequest,
  type PostItemsResponse,
  PostsQuery,
  type PostsResponse,
} from "../../shared/api/contract.ts";
import { parseHashtag } from "../../shared/hashtag/hashtag.ts";
import { parseRecord } from "../../shared/post/parse-any.ts";
import type { Post } from "../../shared/post/post.ts";
import type { CompanionStore } from "../store/post-store.ts";

/** A 400 with the reason, thrown from a handler and turned into {error} by the error handler. */
export class BadRequest extends Error {}

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
    const { n } = parse(FrequenciesQuery, request.query, "query");
    response.json(rankHashtags(store.hashtagCounts(hashtag), hashtag, n));
  });

  router.post(API_ROUTES.postItems, (request, response: Response<PostItemsResponse>) => {
    const body = parse(PostItemsRequest, request.body, "body");
    const tag = parseHashtag(body.hashtag);
    if (!tag.ok) throw new BadRequest(tag.error);
    const source = {
      kind: "web-api",
      url: body.source_url ?? null,
      collectedAt: new Date().toISOString(),
    } as const;
    const posts: Post[] = [];
    let rejected = 0;
    for (const item of body.items) {
      const result = parseRecord(item, source);
      if (result.ok) posts.push(result.post);
      else rejected++;
    }
    const run = store.startRun(tag.hashtag, "extension");
    let summary: ReturnType<CompanionStore["upsertPosts"]>;
    try {
      summary = store.upsertPosts(tag.hashtag, posts, { runId: run });
    } catch (error) {
      // The upsert rolled back; the run must still end, with the reason, or it would look in progress forever.
      store.finishRun(run, { postsNew: 0, postsSeen: 0, error: (error as Error).message });
      throw error;
    }
    store.finishRun(run, { postsNew: summary.new, postsSeen: summary.seen });
    response.json({ new: summary.new, seen: summary.seen, rejected });
  });

  return router;
};
