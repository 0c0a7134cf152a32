import express, { type RequestHandler } from "express";
import { parseJson } from "../../shared/json/parse-json.ts";
import { BadRequest } from "./bad-request.ts";

/** Far deeper than any real request (a TikTok item is about ten levels inside the body). */
export const MAX_BODY_DEPTH = 64;

/**
 * The deepest nesting of arrays and objects in JSON text, skipping strings, in one pass without parsing: a body
 * of a million "[" is refused before a recursive parser spends seconds (or the stack) on it.
 */
export const jsonDepth = (text: string): number => {
  let depth = 0;
  let deepest = 0;
  let inString = false;
  for (let i = 0; i < text.length; i++) {
    const char = text.charCodeAt(i);
    if (inString) {
      if (char === 0x5c) i++;
      else if (char === 0x22) inString = false;
    } else if (char === 0x22) inString = true;
    else if (char === 0x5b || char === 0x7b) deepest = Math.max(deepest, ++depth);
    else if (char === 0x5d || char === 0x7d) depth--;
  }
  return deepest;
};

/**
 * JSON bodies read with parseJson (19-digit ids stay exact) instead of JSON.parse, after a depth check. Reads the
 * text with express.text so the size limit and charset handling stay the library's.
 */
export const jsonBody = (limit: string): RequestHandler[] => [
  express.text({ type: ["application/json", "application/*+json"], limit }),
  (request, _response, next) => {
    if (typeof request.body !== "string") return next();
    const text = request.body;
    if (jsonDepth(text) > MAX_BODY_DEPTH)
      return next(new BadRequest(`The body nests deeper than ${MAX_BODY_DEPTH} levels`));
    try {
      request.body = parseJson(text);
    } catch (error) {
      return next(new BadRequest(`The body is not valid JSON: ${(error as Error).message}`));
    }
    next();
  },
];
