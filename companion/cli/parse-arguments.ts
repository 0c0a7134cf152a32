import { parseHashtag } from "../../shared/hashtag/hashtag.ts";
import type { TimeRange } from "../store/post-store.ts";
import { UserError } from "./user-error.ts";

/** A hashtag typed on the command line, normalised, or a UserError saying what is wrong with it. */
export const hashtagArgument = (input: string | undefined): string => {
  if (input === undefined) throw new UserError("Missing hashtag");
  const result = parseHashtag(input);
  if (!result.ok) throw new UserError(result.error);
  return result.hashtag;
};

export const positiveInteger = (name: string, input: string): number => {
  if (!/^\s*\d+\s*$/u.test(input) || Number(input) < 1)
    throw new UserError(`${name} must be a whole number of at least 1, got ${JSON.stringify(input)}`);
  return Number(input);
};

const DAY = /^\d{4}-\d{2}-\d{2}$/u;
const LEADING_DATE = /^(\d{4})-(\d{2})-(\d{2})/u;

/** Date.parse rolls an impossible day over (2025-02-30 is 2 March); a calendar date must name itself. */
const isRealDate = (text: string): boolean => {
  const parts = LEADING_DATE.exec(text);
  if (parts === null) return true;
  const [year, month, day] = parts.slice(1).map(Number) as [number, number, number];
  const date = new Date(0);
  date.setUTCFullYear(year, month - 1, day);
  return date.getUTCFullYear() === year && date.getUTCMonth() === month - 1 && date.getUTCDate() === day;
};

/**
 * Epoch seconds from YYYY-MM-DD (UTC; the start of the day, or its end for --until), an ISO 8601 time, or epoch
 * seconds.
 */
export const parseInstant = (option: string, input: string, endOfDay: boolean): number => {
  const text = input.trim();
  if (/^\d+$/u.test(text)) return Number(text);
  const ms = Date.parse(DAY.test(text) ? `${text}T00:00:00Z` : text);
  if (Number.isNaN(ms) || !isRealDate(text))
    throw new UserError(
      `${option}: cannot read ${JSON.stringify(input)} as a date (use YYYY-MM-DD, an ISO 8601 time or epoch seconds)`,
    );
  const seconds = Math.floor(ms / 1000);
  return DAY.test(text) && endOfDay ? seconds + 86_399 : seconds;
};

/** --since/--until as an inclusive range on the posts' creation time. */
export const parseTimeRange = (since: string | undefined, until: string | undefined): TimeRange => {
  const range: TimeRange = {};
  if (since !== undefined) range.since = parseInstant("--since", since, false);
  if (until !== undefined) range.until = parseInstant("--until", until, true);
  if (range.since !== undefined && range.until !== undefined && range.since > range.until)
    throw new UserError(`--since ${since} is after --until ${until}`);
  return range;
};

export const describeRange = (range: TimeRange): string => {
  const day = (seconds: number) => new Date(seconds * 1000).toISOString().replace(".000Z", "Z");
  if (range.since !== undefined && range.until !== undefined)
    return ` between ${day(range.since)} and ${day(range.until)}`;
  if (range.since !== undefined) return ` since ${day(range.since)}`;
  if (range.until !== undefined) return ` until ${day(range.until)}`;
  return "";
};
