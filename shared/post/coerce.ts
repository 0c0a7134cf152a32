/**
 * Lenient readers for TikTok JSON, whose fields change type between endpoints
 * (statsV2 counts are strings, createTime is sometimes a string, ids exceed 2^53).
 */

export type Json = Record<string, unknown>;

export const isObject = (value: unknown): value is Json =>
  typeof value === "object" && value !== null && !Array.isArray(value);

/** Follows a path of keys, returning undefined at the first missing step. */
export const at = (value: unknown, ...path: string[]): unknown => {
  let current = value;
  for (const key of path) {
    if (!isObject(current)) return undefined;
    current = current[key];
  }
  return current;
};

export const asObject = (value: unknown): Json => (isObject(value) ? value : {});

export const asArray = (value: unknown): unknown[] => (Array.isArray(value) ? value : []);

/**
 * Secondary ids (author, music) as strings: TikTok's 19-digit ids do not survive a trip through a JS number, so
 * a number beyond 2^53 (already rounded) is unknown rather than wrong. Post ids are stricter: see post-id.ts.
 */
export const asId = (value: unknown): string | null => {
  if (typeof value === "string") return value.trim() === "" ? null : value.trim();
  if (typeof value === "number" && Number.isSafeInteger(value)) return String(value);
  if (typeof value === "bigint") return value.toString();
  return null;
};

export const asString = (value: unknown): string | null =>
  typeof value === "string" && value !== "" ? value : null;

/** Accepts numbers and numeric strings ("1234", " 12 "), nothing else. */
export const asCount = (value: unknown): number | null => {
  if (typeof value === "number") return Number.isFinite(value) ? value : null;
  if (typeof value === "string" && /^\s*-?\d+(\.\d+)?\s*$/.test(value)) return Number(value);
  return null;
};

export const asBoolean = (value: unknown): boolean | null => {
  if (typeof value === "boolean") return value;
  if (value === 1 || value === "true" || value === "1") return true;
  if (value === 0 || value === "false" || value === "0") return false;
  return null;
};

/** The first argument that is not null, for fields that live in different places per format. */
export const firstOf = <T>(...values: (T | null)[]): T | null => {
  for (const value of values) if (value !== null) return value;
  return null;
};

/** 9999-12-31T23:59:59Z: later times have no four-digit ISO year, and the store sorts undated posts there. */
export const MAX_EPOCH_SECONDS = 253_402_300_799;

const inRange = (seconds: number): number | null =>
  seconds > 0 && seconds <= MAX_EPOCH_SECONDS ? seconds : null;

/** Epoch seconds from seconds, milliseconds, numeric strings or ISO strings; null when not a plausible time. */
export const asEpochSeconds = (value: unknown): number | null => {
  const count = asCount(value);
  if (count !== null) {
    if (count <= 0) return null;
    // Anything past year 5138 in seconds is really milliseconds.
    return inRange(Math.floor(count > 1e11 ? count / 1000 : count));
  }
  if (typeof value === "string") {
    const ms = Date.parse(value);
    return Number.isNaN(ms) ? null : inRange(Math.floor(ms / 1000));
  }
  return null;
};

export const epochToIso = (seconds: number | null): string | null => {
  if (seconds === null) return null;
  const date = new Date(seconds * 1000);
  return Number.isNaN(date.getTime()) ? null : date.toISOString();
};
