import { parse } from "lossless-json";

/**
 * JSON.parse without rounding: TikTok ids (and the Research API's counts) are 19-digit JSON numbers, which a
 * double cannot hold, so two distinct posts would read as one id.
 *
 * Representation: an integer literal that is not a safe integer (|n| > 2^53 - 1) becomes a string of exactly its
 * source digits (with its "-" if negative), e.g. `7300000000000000401` -> "7300000000000000401". Every other
 * number (safe integers, fractions, exponents) becomes a plain number, as JSON.parse gives it. So the result is
 * plain JSON data: it survives JSON.stringify, structuredClone, IndexedDB and postMessage, and readers that
 * want a count already accept numeric strings.
 *
 * Differences from JSON.parse: error messages are worded differently (both end "at position N"), and an object
 * with the same key twice holding different values is rejected instead of silently keeping the last one.
 */
export const parseJson = (text: string): unknown => parse(text, null, readJsonNumber);

const INTEGER = /^-?\d+$/u;

/** One JSON number literal in parseJson's representation, for other parsers (streaming ones) to share it. */
export const readJsonNumber = (literal: string): number | string => {
  const value = Number(literal);
  if (INTEGER.test(literal) && !Number.isSafeInteger(value)) return literal;
  return value;
};
