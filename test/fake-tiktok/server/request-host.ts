import type { Request } from "express";
import { hostRole, WWW_HOST } from "../hosts.ts";

/** The Host header's name, lower case, without the port. */
export const requestHostname = (request: Request): string => (request.hostname ?? "").toLowerCase();

/** The host a request is served as: the origin's own address is www.tiktok.com. */
export const effectiveHost = (request: Request): string => {
  const hostname = requestHostname(request);
  return hostRole(hostname) === "www" ? WWW_HOST : hostname;
};
