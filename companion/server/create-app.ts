import express, { type ErrorRequestHandler, type Router } from "express";
import type { CompanionStore } from "../store/post-store.ts";
import { apiRouter } from "./api-routes.ts";
import { BadRequest, NotFound } from "./bad-request.ts";
import { extensionCors } from "./extension-cors.ts";
import { hostGuard } from "./host-guard.ts";
import { jsonBody } from "./json-body.ts";
import { mediaRouter } from "./media-route.ts";
import { requireToken } from "./require-token.ts";
import { analysisRouter } from "./routes/analysis.ts";
import { isStoreBusy, RETRY_AFTER_SECONDS } from "./store-busy.ts";

export interface AppOptions {
  version: string;
  /** The pairing token every route but GET /api/health requires. */
  token: string;
  /** More routes (jobs, follows, sync), mounted after the token check. */
  routers?: Router[];
}

/** Body-parser errors carry an HTTP status and a type. */
interface HttpError {
  status?: number;
  type?: string;
}

const errors: ErrorRequestHandler = (error, _request, response, _next) => {
  const { status, type } = error as HttpError;
  if (error instanceof BadRequest) return void response.status(400).json({ error: error.message });
  if (error instanceof NotFound) return void response.status(404).json({ error: error.message });
  if (isStoreBusy(error))
    return void response
      .status(503)
      .set("Retry-After", String(RETRY_AFTER_SECONDS))
      .json({ error: "The database is busy with another writer (an import or download); retry shortly" });
  if (type === "entity.too.large") return void response.status(413).json({ error: "The body is too large" });
  if (status !== undefined && status >= 400 && status < 500)
    return void response.status(status).json({ error: (error as Error).message });
  process.stderr.write(`API error: ${(error as Error).stack ?? String(error)}\n`);
  response.status(500).json({ error: "Internal error; see the companion's log" });
};

/** The companion's HTTP app: loopback Host only, this extension's origins only, the token, JSON in and out. */
export const createApp = (store: CompanionStore, options: AppOptions): express.Express => {
  const app = express();
  app.disable("x-powered-by");
  app.use(hostGuard());
  app.use(extensionCors());
  app.use(requireToken(options.token));
  app.use(jsonBody("50mb"));
  app.use(apiRouter(store, options.version));
  app.use(mediaRouter(store));
  app.use(analysisRouter(store));
  for (const router of options.routers ?? []) app.use(router);
  app.use((_request, response) => {
    response.status(404).json({ error: "No such endpoint" });
  });
  app.use(errors);
  return app;
};
