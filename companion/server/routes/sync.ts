import { type Response, Router } from "express";
import { API_ROUTES } from "../../../shared/api/contract.ts";
import type { RunsResponse } from "../../../shared/api/runs.ts";
import { SyncQuery } from "../../../shared/api/sync.ts";
import { SyncStreamQuery } from "../../../shared/api/sync-stream.ts";
import type { CompanionStore } from "../../store/post-store.ts";
import { isStoreBusy } from "../store-busy.ts";
import { hashtagParam, parseInput } from "./route-input.ts";

/** The sync feed (shared/api/sync.ts) and a hashtag's runs. */
export const syncRouter = (store: CompanionStore): Router => {
  const router = Router();

  // Answers a SyncPage, as JSON text the change feed builds from the stored posts.
  router.get(API_ROUTES.sync, (request, response: Response<string>) => {
    const { cursor, limit } = parseInput(SyncQuery, request.query, "query");
    response.type("application/json").send(store.engine.changes.changesSinceText(Number(cursor), limit));
  });

  // Answers consecutive pages as the sync stream's lines (shared/api/sync-stream.ts). The next page is built
  // once the one before has left this process (drained into the socket), so the client's reading paces the
  // companion and at most about one page waits in memory while the next is built.
  router.get(API_ROUTES.syncStream, async (request, response) => {
    const { cursor, limit } = parseInput(SyncStreamQuery, request.query, "query");
    // The first page is built before anything is sent, so a busy store is still a 503 the client retries.
    let page = store.engine.changes.changesSinceLines(Number(cursor), limit);
    response.type("application/x-ndjson");
    let closed = false;
    response.on("close", () => {
      closed = true;
    });
    try {
      for (;;) {
        if (!response.write(page.text))
          await new Promise<void>((resolve) => {
            const done = () => {
              response.off("drain", done);
              response.off("close", done);
              resolve();
            };
            response.on("drain", done);
            response.on("close", done);
          });
        if (closed || !page.hasMore) break;
        page = store.engine.changes.changesSinceLines(page.nextCursor, limit);
      }
      response.end();
    } catch (error) {
      // Headers are sent. A busy store ends the stream after the last whole page: the client asks again from its
      // cursor and waits out the 503 that gets. Anything else cuts the stream, which tells the client the page
      // it was receiving is not whole.
      if (isStoreBusy(error)) response.end();
      else response.destroy(error instanceof Error ? error : new Error(String(error)));
    }
  });

  router.get(API_ROUTES.runs, (request, response: Response<RunsResponse>) => {
    const hashtag = hashtagParam(request);
    response.json({ hashtag, runs: store.runs(hashtag) });
  });

  return router;
};
