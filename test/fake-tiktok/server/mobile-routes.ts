import { type Request, type Response, Router } from "express";
import { nodeShareTagResponse } from "../pages/api-responses.ts";
import { challengeDetailHandler, itemListHandler } from "./api-handlers.ts";
import { sendJson } from "./send.ts";
import type { Site } from "./site.ts";

/**
 * m.tiktok.com as tiktok-scraper 1.4.36 uses it: node/share/tag/<name> for the challenge id (statusCode and
 * challengeInfo.challenge.id are all it reads), then api/challenge/item_list/ with cursor = page * count.
 */
export const mobileRoutes = (site: Site): Router => {
  const router = Router();
  router.get("/node/share/tag/:name", (request: Request<{ name: string }>, response: Response) => {
    site.chainTokens.issue(request, response);
    sendJson(response, nodeShareTagResponse(site.tagByName(request.params.name)));
  });
  router.get("/api/challenge/item_list/", itemListHandler(site));
  router.get("/api/challenge/detail/", challengeDetailHandler(site));
  return router;
};
