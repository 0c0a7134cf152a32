import { type Request, type Response, Router } from "express";
import { periodRange } from "../../../shared/analysis/hashtag-trends.ts";
import {
  ANALYSIS_ROUTES,
  GrowthQuery,
  type GrowthResponse,
  NetworkQuery,
  type NetworkResponse,
  type PostEngagementResponse,
  TrendsQuery,
  type TrendsResponse,
} from "../../../shared/api/analysis.ts";
import { isPostId } from "../../../shared/post/post-id.ts";
import { parseInstant, parseTimeRange } from "../../cli/parse-arguments.ts";
import { storedEngagement, storedGrowth, storedNetwork, storedTrends } from "../../store/hashtag-analyses.ts";
import type { CompanionStore, TimeRange } from "../../store/post-store.ts";
import { BadRequest, NotFound } from "../bad-request.ts";
import { hashtagParam, parseInput } from "./route-input.ts";

/** The CLI's readers, with their errors as 400s that name the query parameter rather than the CLI option. */
const asBadRequest = <T>(read: () => T): T => {
  try {
    return read();
  } catch (error) {
    throw new BadRequest((error as Error).message.replaceAll("--", ""));
  }
};

const timeRange = (since?: string, until?: string): TimeRange =>
  asBadRequest(() => parseTimeRange(since, until));

const instant = (name: string, input: string, endOfDay: boolean): string =>
  asBadRequest(() => new Date(parseInstant(`--${name}`, input, endOfDay) * 1000).toISOString());

/** A hashtag of the request with posts stored, or a 404 saying it has none. */
const storedHashtag = (store: CompanionStore, request: Request): string => {
  const hashtag = hashtagParam(request);
  if (store.countPosts(hashtag) === 0) throw new NotFound(`No posts stored for #${hashtag}`);
  return hashtag;
};

/** The network, trends and engagement analyses (shared/api/analysis.ts), computed as the CLI computes them. */
export const analysisRouter = (store: CompanionStore): Router => {
  const router = Router();

  router.get(ANALYSIS_ROUTES.network, (request, response: Response<NetworkResponse>) => {
    const hashtag = storedHashtag(store, request);
    const { top, minWeight, since, until } = parseInput(NetworkQuery, request.query, "query");
    response.json(storedNetwork(store, hashtag, { top, minWeight, range: timeRange(since, until) }));
  });

  router.get(ANALYSIS_ROUTES.trends, (request, response: Response<TrendsResponse>) => {
    const hashtag = storedHashtag(store, request);
    const query = parseInput(TrendsQuery, request.query, "query");
    const compare =
      query.before !== undefined && query.after !== undefined
        ? { before: query.before, after: query.after }
        : undefined;
    if (compare)
      for (const start of [compare.before, compare.after])
        asBadRequest(() => periodRange(start, query.period));
    response.json(
      storedTrends(store, hashtag, {
        period: query.period,
        top: query.top,
        changes: query.changes,
        range: timeRange(query.since, query.until),
        compare,
      }),
    );
  });

  router.get(ANALYSIS_ROUTES.growth, (request, response: Response<GrowthResponse>) => {
    const hashtag = storedHashtag(store, request);
    const query = parseInput(GrowthQuery, request.query, "query");
    const times =
      query.from !== undefined && query.to !== undefined
        ? { from: instant("from", query.from, false), to: instant("to", query.to, true) }
        : {};
    if (times.from !== undefined && times.to !== undefined && times.from > times.to)
      throw new BadRequest(`from ${query.from} is after to ${query.to}`);
    const growth = storedGrowth(store, hashtag, { ...times, metric: query.metric, limit: query.limit });
    response.json(growth ?? { hashtag, metric: query.metric, from: null, to: null, posts: [] });
  });

  router.get(ANALYSIS_ROUTES.postEngagement, (request, response: Response<PostEngagementResponse>) => {
    const id = String(request.params.id);
    if (!isPostId(id)) throw new BadRequest(`Invalid post id: ${JSON.stringify(id.slice(0, 40))}`);
    const history = storedEngagement(store, id);
    if (!history) throw new NotFound(`Post ${id} is not stored`);
    response.json(history);
  });

  return router;
};
