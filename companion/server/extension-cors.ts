import type { RequestHandler } from "express";
import { CHROME_EXTENSION_ORIGIN } from "../../shared/api/extension-identity.ts";

// Firefox gives each installation its own random UUID, so any moz-extension origin is allowed; the token is
// what protects the API from other extensions there.
const FIREFOX_ORIGIN = /^moz-extension:\/\/[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/u;

export const isExtensionOrigin = (origin: string): boolean =>
  origin === CHROME_EXTENSION_ORIGIN || FIREFOX_ORIGIN.test(origin);

/**
 * CORS for this extension only: exactly its Chrome id and Firefox's moz-extension origins. Requests without an
 * Origin (curl, scripts) pass; any other origin (web pages, `null`, other extensions) is refused outright.
 */
export const extensionCors = (): RequestHandler => (request, response, next) => {
  const origin = request.headers.origin;
  if (origin === undefined) return next();
  if (!isExtensionOrigin(origin)) {
    response.status(403).json({ error: `Origin ${JSON.stringify(origin)} is not allowed` });
    return;
  }
  response.set({
    "Access-Control-Allow-Origin": origin,
    "Access-Control-Allow-Methods": "GET, POST, PUT, DELETE, OPTIONS",
    "Access-Control-Allow-Headers": "Authorization, Content-Type, Last-Event-ID",
    "Access-Control-Expose-Headers": "Retry-After, Content-Range, Accept-Ranges, Content-Length",
    "Access-Control-Max-Age": "600",
    Vary: "Origin",
  });
  if (request.method === "OPTIONS") {
    response.status(204).end();
    return;
  }
  next();
};
