import { type Response, Router } from "express";
import { API_ROUTES } from "../../../shared/api/contract.ts";
import { type Follow, FollowInput, type FollowsResponse } from "../../../shared/api/follows.ts";
import { nextRunTime } from "../../jobs/follow-schedule.ts";
import { lastCollectedAt } from "../../jobs/follow-scheduler.ts";
import type { StoredFollow } from "../../store/follows-table.ts";
import type { CompanionStore } from "../../store/post-store.ts";
import { HttpProblem, hashtagParam, parseInput } from "./route-input.ts";

/** Followed hashtags (shared/api/follows.ts); the schedule itself is companion/jobs/follow-scheduler.ts. */
export const followsRouter = (store: CompanionStore, now: () => number = Date.now): Router => {
  const router = Router();
  const follows = store.engine.follows;

  const toFollow = (follow: StoredFollow): Follow => {
    const lastRun = store.runs(follow.hashtag).at(-1) ?? null;
    const next = nextRunTime(follow, lastCollectedAt(store, follow.hashtag));
    return {
      hashtag: follow.hashtag,
      every: follow.every,
      posts: follow.posts,
      videos: follow.videos,
      limit: follow.limit,
      createdAt: follow.createdAt,
      nextRunAt: next === null ? null : new Date(Math.max(next, now())).toISOString(),
      lastRun,
    };
  };

  router.get(API_ROUTES.follows, (_request, response: Response<FollowsResponse>) => {
    response.json({ follows: follows.list().map(toFollow) });
  });

  router.put(API_ROUTES.follow, (request, response: Response<Follow>) => {
    const hashtag = hashtagParam(request);
    const input = parseInput(FollowInput, request.body ?? {}, "body");
    response.json(toFollow(follows.put(hashtag, input, new Date(now()).toISOString())));
  });

  router.delete(API_ROUTES.follow, (request, response) => {
    const hashtag = hashtagParam(request);
    if (!follows.remove(hashtag)) throw new HttpProblem(404, `#${hashtag} is not followed`);
    response.status(204).end();
  });

  return router;
};
