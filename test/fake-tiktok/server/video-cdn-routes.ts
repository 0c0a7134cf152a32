import { type Request, type Response, Router } from "express";
import { WWW_ORIGIN } from "../hosts.ts";
import { sendBody, sendText } from "./send.ts";
import type { Site } from "./site.ts";

const fromTikTokPage = (request: Request): boolean =>
  (request.headers.referer ?? "").startsWith(`${WWW_ORIGIN}/`);

/**
 * The video CDN: mp4 bytes per post id with Range support. Like TikTok's, it refuses (403) requests that
 * do not come from a tiktok.com page: no www.tiktok.com Referer or no tt_chain_token issued by a page visit.
 */
export const videoCdnRoutes = (site: Site): Router => {
  const router = Router();
  router.get("/video/tos/:id/:file", (request: Request<{ id: string; file: string }>, response: Response) => {
    const post = site.corpus.post(request.params.id);
    if (!post || post.imagePost || !/^(?:play|download)\.mp4$/u.test(request.params.file)) {
      sendText(response, 404, "Not Found");
      return;
    }
    if (!fromTikTokPage(request) || !site.chainTokens.isValid(request)) {
      sendText(response, 403, "Access Denied");
      return;
    }
    const size = site.corpus.videoSize(post.id);
    response.set({ "Accept-Ranges": "bytes", "Cache-Control": "max-age=86400" });
    const ranges = request.range(size, { combine: true });
    if (ranges === -1) {
      response.set("Content-Range", `bytes */${size}`);
      sendText(response, 416, "Range Not Satisfiable");
      return;
    }
    // No Range, a malformed one, or several: the whole file, which RFC 9110 allows.
    if (ranges === undefined || ranges === -2 || ranges.type !== "bytes" || ranges.length !== 1) {
      sendBody(response, 200, "video/mp4", site.corpus.videoBytes(post.id));
      return;
    }
    const { start, end } = ranges[0]!;
    response.set("Content-Range", `bytes ${start}-${end}/${size}`);
    sendBody(response, 206, "video/mp4", site.corpus.videoBytes(post.id, start, end + 1));
  });
  return router;
};
