import type { Request } from "express";

/** One query parameter as text; repeated parameters count by their first value, as TikTok's servers do. */
export const queryParam = (request: Request, name: string): string | undefined => {
  const value = (request.query as Record<string, unknown>)[name];
  const first = Array.isArray(value) ? value[0] : value;
  return typeof first === "string" ? first : undefined;
};

/** A non-negative integer parameter, or undefined when absent or not a number. */
export const countParam = (request: Request, name: string): number | undefined => {
  const text = queryParam(request, name);
  if (text === undefined || !/^\d+$/u.test(text)) return undefined;
  return Number(text);
};
