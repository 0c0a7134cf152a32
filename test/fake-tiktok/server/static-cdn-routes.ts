import type { NextFunction, Request, Response } from "express";
import { jpegBytes, mp3Bytes } from "../corpus/media-bytes.ts";
import { sendBody } from "./send.ts";

/** *.tiktokcdn.com: covers, avatars, gallery images and music, with bytes derived from the path. */
export const staticCdnRoutes = () => (request: Request, response: Response, next: NextFunction) => {
  if (request.method !== "GET" && request.method !== "HEAD") return next();
  response.set("Cache-Control", "max-age=86400");
  if (request.path.endsWith(".mp3")) return sendBody(response, 200, "audio/mpeg", mp3Bytes(request.path));
  if (/\.(?:jpe?g|webp|image)$/u.test(request.path))
    return sendBody(response, 200, "image/jpeg", jpegBytes(request.path));
  next();
};
