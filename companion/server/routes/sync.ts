import { type Response, Router } from "express";
import { API_ROUTES } from "../../../shared/api/contract.ts";
import type { RunsResponse } from "../../../shared/api/runs.ts";
import { SyncQuery } from "../../../shared/api/sync.ts";
import type { CompanionStore } from "../../store/post-store.ts";
import { hashtagParam, parseInput } from "./route-input.ts";

/** The sync feed (shared/api/sync.ts) and a hashtag's runs. */
export const syncRouter = (store: CompanionStore): Router => {
  const router = Router();

  // Answers a SyncPage, as JSON text the change feed builds from the stored posts.
  router.get(API_ROUTES.sync, (request, response: Response<string>) => {
    const { cursor, limit } = parseInput(SyncQuery, request.query, "query");
    response.type("application/json").send(store.engine.changes.changesSinceText(Number(cursor), limit));
  });

  router.get(API_ROUTES.runs, (request, response: Response<RunsResponse>) => {
    const hashtag = hashtagParam(request);
    response.json({ hashtag, runs: store.runs(hashtag) });
  });

  return router;
};
