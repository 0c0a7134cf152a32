import type { Request, Response } from "express";
import { MAX_PAGE_SIZE } from "../markers.ts";
import { challengeDetailResponse, itemListResponse, pageOf } from "../pages/api-responses.ts";
import { countParam, queryParam } from "./query.ts";
import { sendJson } from "./send.ts";
import type { Site } from "./site.ts";

/**
 * /api/challenge/item_list/?challengeID=&cursor=&count=: cursor is an offset, count may ask for fewer items
 * than the fake's page size, never more than TikTok's cap. An unknown challenge is an empty end.
 */
export const itemListHandler = (site: Site) => (request: Request, response: Response) => {
  const found = site.tagById(queryParam(request, "challengeID") ?? "");
  const cursor = countParam(request, "cursor") ?? 0;
  const asked = countParam(request, "count") || site.pageSize;
  const size = Math.min(asked, site.pageSize, MAX_PAGE_SIZE);
  const page = pageOf(found?.posts ?? [], cursor, size);
  sendJson(response, itemListResponse(request.originalUrl, page));
};

/** /api/challenge/detail/?challengeName= (or challengeId=). */
export const challengeDetailHandler = (site: Site) => (request: Request, response: Response) => {
  const name = queryParam(request, "challengeName");
  const id = queryParam(request, "challengeId") ?? queryParam(request, "challengeID");
  const found = name !== undefined ? site.tagByName(name) : id !== undefined ? site.tagById(id) : undefined;
  sendJson(response, challengeDetailResponse(request.originalUrl, found));
};
