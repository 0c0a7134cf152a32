import type { RequestHandler } from "express";

const LOOPBACK_NAMES = new Set(["127.0.0.1", "localhost"]);

/**
 * Refuses requests whose Host is not the loopback name: a web page that rebinds its own domain to 127.0.0.1
 * (DNS rebinding) still sends its domain as Host, so it never reaches the API.
 */
export const hostGuard = (): RequestHandler => (request, response, next) => {
  const host = request.headers.host ?? "";
  const name = host.replace(/:\d+$/u, "").toLowerCase();
  if (LOOPBACK_NAMES.has(name)) return next();
  response.status(403).json({ error: `Host ${JSON.stringify(host)} is not allowed; use 127.0.0.1` });
};
