import { createHash, timingSafeEqual } from "node:crypto";
import type { RequestHandler } from "express";
import { API_ROUTES } from "../../shared/api/contract.ts";

const digest = (text: string): Buffer => createHash("sha256").update(text, "utf8").digest();

/** Query parameters a token might be smuggled in; URLs end up in logs and history, so they never count. */
const TOKEN_PARAMS = ["token", "access_token", "auth", "authorization"];

/**
 * Every /api/* route except GET /api/health needs `Authorization: Bearer <token>`. The compare runs on hashes of
 * equal length in constant time, so timing tells nothing about the token; the token is never logged.
 */
export const requireToken =
  (token: string): RequestHandler =>
  (request, response, next) => {
    if (request.method === "GET" && request.path === API_ROUTES.health) return next();
    const header = request.headers.authorization ?? "";
    const match = /^Bearer ([^\s]+)$/u.exec(header);
    if (match?.[1] !== undefined && timingSafeEqual(digest(match[1]), digest(token))) return next();
    const inQuery = TOKEN_PARAMS.some((name) => name in (request.query as Record<string, unknown>));
    response
      .status(401)
      .set("WWW-Authenticate", 'Bearer realm="tiktok-hashtag-analysis"')
      .json({
        error: inQuery
          ? "The token is accepted only in the Authorization header, never in the URL"
          : header === ""
            ? "This needs the pairing token: Authorization: Bearer <token> (see the companion-token file)"
            : "The token is not this companion's (was it replaced with start --new-token?)",
      });
  };
