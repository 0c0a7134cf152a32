import { randomBytes } from "node:crypto";
import type { Request, Response } from "express";
import { CHAIN_TOKEN_COOKIE } from "../markers.ts";

const HALF_A_YEAR_MS = 15_552_000_000;

const tokenIn = (request: Request): string | undefined => {
  const header = request.headers.cookie ?? "";
  for (const pair of header.split(";")) {
    const [name, ...value] = pair.trim().split("=");
    if (name === CHAIN_TOKEN_COOKIE) return value.join("=");
  }
  return undefined;
};

/**
 * tt_chain_token: set on page visits for the whole tiktok.com domain, and required by the video CDN. Only
 * tokens this fake issued count, so a client must really visit a page before downloading.
 */
export class ChainTokens {
  private readonly issued = new Set<string>();

  /** Gives the client a token unless it already holds a valid one. */
  issue(request: Request, response: Response): void {
    if (this.isValid(request)) return;
    const token = randomBytes(16).toString("base64");
    this.issued.add(token);
    response.cookie(CHAIN_TOKEN_COOKIE, token, {
      domain: ".tiktok.com",
      path: "/",
      maxAge: HALF_A_YEAR_MS,
      httpOnly: true,
      secure: true,
      // Express would URL-encode the base64 '+', '/' and '='; TikTok sends them raw.
      encode: String,
    });
  }

  isValid(request: Request): boolean {
    const token = tokenIn(request);
    return token !== undefined && this.issued.has(token);
  }
}
