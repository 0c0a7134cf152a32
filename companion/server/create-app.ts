import express, { type ErrorRequestHandler } from "express";
import type { CompanionStore } from "../store/post-store.ts";
import { apiRouter, BadRequest } from "./api-routes.ts";
import { extensionCors } from "./extension-cors.ts";
import { hostGuard } from "./host-guard.ts";

/** Body-parser errors carry an HTTP status and a type. */
interface HttpError {
  status?: number;
  type?: string;
}

const errors: ErrorRequestHandler = (error, _request, response, _next) => {
  const { status, type } = error as HttpError;
  if (error instanceof BadRequest) return void response.status(400).json({ error: error.message });
  if (type === "entity.parse.failed")
    return void response.status(400).json({ error: "The body is not valid JSON" });
  if (type === "entity.too.large") return void response.status(413).json({ error: "The body is too large" });
  if (status !== undefined && status >= 400 && status < 500)
    return void response.status(status).json({ error: (error as Error).message });
  process.stderr.write(`API error: ${(error as Error).stack ?? String(error)}\n`);
  response.status(500).json({ error: "Internal error; see the companion's log" });
};

/** The companion's HTTP app: loopback Host only, extension origins only, JSON in and out. */
export const createApp = (store: CompanionStore, version: string): express.Express => {
  const app = express();
  app.disable("x-powered-by");
  app.use(hostGuard());
  app.use(extensionCors());
  app.use(express.json({ limit: "50mb" }));
  app.use(apiRouter(store, version));
  app.use((_request, response) => {
    response.status(404).json({ error: "No such endpoint" });
  });
  app.use(errors);
  return app;
};
