import express, { type NextFunction, type Request, type Response, type Router } from "express";
import { type HostRole, hostRole, WWW_ORIGIN } from "../hosts.ts";
import type { RequestRecord } from "../types.ts";
import { controlRoutes } from "./control-routes.ts";
import { faultMiddleware } from "./fault-middleware.ts";
import type { FaultRegistry } from "./fault-registry.ts";
import { mobileRoutes } from "./mobile-routes.ts";
import type { PendingTimers } from "./pending-timers.ts";
import { requestHostname } from "./request-host.ts";
import { requestLog } from "./request-log.ts";
import { sendJson, sendText } from "./send.ts";
import type { Site } from "./site.ts";
import { staticCdnRoutes } from "./static-cdn-routes.ts";
import { videoCdnRoutes } from "./video-cdn-routes.ts";
import { wwwRoutes } from "./www-routes.ts";

export interface AppParts {
  site: Site;
  faults: FaultRegistry;
  timers: PendingTimers;
  records: RequestRecord[];
  describe: () => object;
}

/** One HTTPS app for every host: control first, then logging and faults, then the host's own routes. */
export const createApp = ({ site, faults, timers, records, describe }: AppParts) => {
  const app = express();
  app.disable("x-powered-by");
  app.set("etag", false);
  app.use("/__fake", controlRoutes(faults, site.corpus, describe));
  app.use(requestLog(records));
  app.use(faultMiddleware(faults, timers));

  const routers: Record<
    Exclude<HostRole, "apex" | "unknown">,
    Router | ReturnType<typeof staticCdnRoutes>
  > = {
    www: wwwRoutes(site),
    mobile: mobileRoutes(site),
    "video-cdn": videoCdnRoutes(site),
    "static-cdn": staticCdnRoutes(),
  };
  app.use((request: Request, response: Response, next: NextFunction) => {
    const hostname = requestHostname(request);
    const role = hostRole(hostname);
    if (role === "apex") return response.redirect(301, `${WWW_ORIGIN}${request.originalUrl}`);
    if (role === "unknown") return sendText(response, 421, `The fake TikTok does not serve ${hostname}`);
    routers[role](request, response, next);
  });
  app.use((_request: Request, response: Response) => sendText(response, 404, "Not Found"));
  // Express needs all four parameters to recognise an error handler.
  app.use((error: Error & { status?: number }, _request: Request, response: Response, _next: NextFunction) =>
    sendJson(response, { error: error.message.split("\n")[0] }, error.status ?? 500),
  );
  return app;
};
