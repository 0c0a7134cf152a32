import type { NextFunction, Request, Response } from "express";
import type { RequestRecord } from "../types.ts";
import { requestHostname } from "./request-host.ts";

/** Appends every request to `records` once its response is over (finished or cut). */
export const requestLog =
  (records: RequestRecord[]) => (request: Request, response: Response, next: NextFunction) => {
    response.on("close", () =>
      records.push({
        method: request.method,
        host: requestHostname(request),
        path: request.originalUrl,
        status: response.statusCode,
        headers: request.headers,
      }),
    );
    next();
  };
