import { type Response, Router } from "express";
import { API_ROUTES } from "../../shared/api/contract.ts";
import { postIdProblem } from "../../shared/post/post-id.ts";
import { resolveInside } from "../store/paths.ts";
import type { CompanionStore } from "../store/post-store.ts";
import { BadRequest, NotFound } from "./bad-request.ts";

const isMissing = (error: unknown): boolean => {
  const code = (error as NodeJS.ErrnoException).code;
  return code === "ENOENT" || code === "ENOTDIR" || code === "EISDIR";
};

/**
 * A post's downloaded video or image, streamed with HTTP Range (206, Content-Range, 416) by Express's sendFile.
 * Only the path the videos table recorded is served, and only after it is resolved (links included) inside the
 * data folder: neither the id nor anything stored can lead outside it.
 */
export const mediaRouter = (store: CompanionStore): Router => {
  const router = Router();
  router.get(API_ROUTES.media, async (request, response: Response) => {
    const id = String(request.params.id);
    const problem = postIdProblem(id);
    if (problem !== null) throw new BadRequest(`Invalid post id: ${problem}`);
    const video = store.videoFor(id);
    if (video === undefined) throw new NotFound(`Post ${id} has no downloaded media`);
    let path: string;
    try {
      path = await resolveInside(store.dataDir, video.path);
    } catch (error) {
      if (isMissing(error)) throw new NotFound(`The media of post ${id} is no longer on disk`);
      throw new BadRequest((error as Error).message);
    }
    await new Promise<void>((resolve, reject) => {
      response.sendFile(path, { dotfiles: "allow", cacheControl: false, acceptRanges: true }, (error) => {
        if (error === undefined || response.headersSent) return resolve();
        reject(isMissing(error) ? new NotFound(`The media of post ${id} is no longer on disk`) : error);
      });
    });
  });
  return router;
};
