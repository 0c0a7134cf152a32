import type { NextFunction, Request, Response } from "express";
import { CAPTCHA } from "../markers.ts";
import { emptyPageResponse } from "../pages/api-responses.ts";
import { captchaDecision, captchaPageHtml } from "../pages/captcha.ts";
import type { FaultRegistry } from "./fault-registry.ts";
import type { PendingTimers } from "./pending-timers.ts";
import { queryParam } from "./query.ts";
import { effectiveHost } from "./request-host.ts";
import { deferFault, sendHtml, sendJson, sendText } from "./send.ts";

const isApi = (path: string): boolean => path.startsWith("/api/") || path.startsWith("/node/");

/** Applies the injected fault a request matches, if any, before the normal route sees it. */
export const faultMiddleware =
  (faults: FaultRegistry, timers: PendingTimers) =>
  (request: Request, response: Response, next: NextFunction) => {
    const fault = faults.take(effectiveHost(request), request.originalUrl);
    switch (fault?.kind) {
      case undefined:
        return next();
      case "rate-limit":
        response.set("Retry-After", String(fault.retryAfter));
        return sendText(response, 429, "Too Many Requests");
      case "captcha":
        if (!isApi(request.path)) return sendHtml(response, captchaPageHtml());
        response.set(CAPTCHA.apiHeader, JSON.stringify(captchaDecision()));
        return sendJson(response, captchaDecision());
      case "empty-page":
        return sendJson(
          response,
          emptyPageResponse(request.originalUrl, queryParam(request, "cursor") ?? "0"),
        );
      case "slow":
        return timers.after(fault.ms, next);
      case "malformed-json":
      case "odd-items":
      case "cut-video":
        deferFault(response, fault);
        return next();
    }
  };
