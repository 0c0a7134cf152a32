import { type Request, type Response, Router } from "express";
import { escapeHtml, htmlDocument } from "../pages/html.ts";
import { tagPageHtml } from "../pages/tag-page.ts";
import { videoPageHtml } from "../pages/video-page.ts";
import { challengeDetailHandler, itemListHandler } from "./api-handlers.ts";
import { sendHtml } from "./send.ts";
import type { Site } from "./site.ts";

/** www.tiktok.com (and the origin's own address): pages set tt_chain_token, as the real site does. */
export const wwwRoutes = (site: Site): Router => {
  const router = Router();

  router.get("/", (request: Request, response: Response) => {
    site.chainTokens.issue(request, response);
    const links = site.corpus
      .tags()
      .map(
        ({ name, postCount }) =>
          `<li><a href="/tag/${encodeURIComponent(name)}">#${escapeHtml(name)}</a> (${postCount})</li>`,
      )
      .join("");
    sendHtml(
      response,
      htmlDocument("TikTok - Make Your Day", "", `<main><h1>Fake TikTok</h1><ul>${links}</ul></main>`),
    );
  });

  router.get("/tag/:name", (request: Request<{ name: string }>, response: Response) => {
    site.chainTokens.issue(request, response);
    sendHtml(response, tagPageHtml(request.params.name, site.tagByName(request.params.name)));
  });

  router.get("/@:user/video/:id", (request: Request<{ user: string; id: string }>, response: Response) => {
    site.chainTokens.issue(request, response);
    sendHtml(response, videoPageHtml(site.corpus.post(request.params.id)));
  });

  router.get("/api/challenge/item_list/", itemListHandler(site));
  router.get("/api/challenge/detail/", challengeDetailHandler(site));
  return router;
};
