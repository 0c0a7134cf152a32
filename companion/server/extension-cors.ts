import type { RequestHandler } from "express";

const EXTENSION_ORIGIN = /^(chrome|moz)-extension:\/\/[a-z0-9-]+$/iu;

/**
 * CORS for the browser extension only. Requests without an Origin (curl, scripts) pass; a request from any web
 * page is refused outright, so no site can make the browser talk to the companion.
 */
export const extensionCors = (): RequestHandler => (request, response, next) => {
  const origin = request.headers.origin;
  if (origin === undefined) return next();
  if (!EXTENSION_ORIGIN.test(origin)) {
    response.status(403).json({ error: `Origin ${JSON.stringify(origin)} is not allowed` });
    return;
  }
  response.set({
    "Access-Control-Allow-Origin": origin,
    "Access-Control-Allow-Methods": "GET, POST, OPTIONS",
    "Access-Control-Allow-Headers": "Content-Type",
    Vary: "Origin",
  });
  if (request.method === "OPTIONS") {
    response.status(204).end();
    return;
  }
  next();
};
