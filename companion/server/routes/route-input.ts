import type { Request } from "express";
import type { z } from "zod";
import { parseHashtag } from "../../../shared/hashtag/hashtag.ts";
import { BadRequest } from "../api-routes.ts";

/** An error with its HTTP status (404, 409, 503), turned into {error} by the app's error handler. */
export class HttpProblem extends Error {
  constructor(
    readonly status: number,
    message: string,
  ) {
    super(message);
  }
}

export const parseInput = <T>(schema: z.ZodType<T>, value: unknown, what: string): T => {
  const result = schema.safeParse(value);
  if (result.success) return result.data;
  const issue = result.error.issues[0];
  const path = issue?.path.length ? `${issue.path.join(".")}: ` : "";
  throw new BadRequest(`Invalid ${what}: ${path}${issue?.message ?? "malformed"}`);
};

export const requireHashtagText = (text: unknown): string => {
  const result = parseHashtag(text);
  if (!result.ok) throw new BadRequest(result.error);
  return result.hashtag;
};

export const hashtagParam = (request: Request): string => requireHashtagText(request.params.tag);

export const jobIdParam = (request: Request): number => {
  const text = String(request.params.id);
  if (!/^[1-9]\d{0,14}$/u.test(text)) throw new BadRequest(`Invalid job id: ${JSON.stringify(text)}`);
  return Number(text);
};
