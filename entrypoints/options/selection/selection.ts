import { normaliseHashtag } from "../../../shared/hashtag/hashtag.ts";
import type { Post } from "../../../shared/post/post.ts";

/** What the dashboard shows of a hashtag: its posts created within `range`, narrowed by the posts filter. */
export interface Selection {
  hashtag: string;
  range: DateRange;
  filter: PostFilter;
}

/** Inclusive bounds on creation time, in epoch seconds; as the CLI's --since/--until. */
export interface DateRange {
  since?: number;
  until?: number;
}

export interface PostFilter {
  /** Matched, case-insensitively, against the description and the author's names. */
  text: string;
  /** Only posts carrying this hashtag as well ("" for any). */
  coHashtag: string;
}

export const NO_FILTER: PostFilter = { text: "", coHashtag: "" };

/** The fields selection and ordering look at. */
export type SelectablePost = Pick<Post, "id" | "createTime" | "description" | "hashtags" | "author">;

const DAY = /^\d{4}-\d{2}-\d{2}$/u;

export type DateRangeResult = { ok: true; range: DateRange } | { ok: false; error: string };

const dayStart = (day: string): number | null => {
  if (!DAY.test(day)) return null;
  const ms = Date.parse(`${day}T00:00:00Z`);
  return Number.isNaN(ms) ? null : ms / 1000;
};

/**
 * The range two date inputs (YYYY-MM-DD, "" for open) describe, read as the CLI reads --since/--until days: UTC,
 * from the start of the first day to the end of the last.
 */
export const dateRangeFromDays = (sinceDay: string, untilDay: string): DateRangeResult => {
  const range: DateRange = {};
  if (sinceDay !== "") {
    const since = dayStart(sinceDay);
    if (since === null) return { ok: false, error: `"From" is not a date: ${JSON.stringify(sinceDay)}` };
    range.since = since;
  }
  if (untilDay !== "") {
    const until = dayStart(untilDay);
    if (until === null) return { ok: false, error: `"To" is not a date: ${JSON.stringify(untilDay)}` };
    range.until = until + 86_399;
  }
  if (range.since !== undefined && range.until !== undefined && range.since > range.until)
    return { ok: false, error: `"From" (${sinceDay}) is after "To" (${untilDay})` };
  return { ok: true, range };
};

/** As the store: a post of unknown date falls outside any range that is actually given. */
export const inDateRange = (createTime: number | null, range: DateRange): boolean => {
  if (range.since === undefined && range.until === undefined) return true;
  if (createTime === null) return false;
  return (range.since ?? -Infinity) <= createTime && createTime <= (range.until ?? Infinity);
};

/** A filter test built once per filter, so 100k posts are not re-normalising the query each. */
export const postMatcher = (filter: PostFilter): ((post: SelectablePost) => boolean) => {
  const text = filter.text.trim().toLowerCase();
  const coHashtag = normaliseHashtag(filter.coHashtag);
  return (post) => {
    if (coHashtag !== "" && !post.hashtags.includes(coHashtag)) return false;
    if (text === "") return true;
    return (
      post.description.toLowerCase().includes(text) ||
      (post.author.uniqueId?.toLowerCase().includes(text) ?? false) ||
      (post.author.nickname?.toLowerCase().includes(text) ?? false)
    );
  };
};

/**
 * The CLI export's order (the store's sort_time, post_id): oldest first, undated last, ties by id as text.
 * Exports use it so a CSV made here equals `export --format csv` byte for byte.
 */
export const compareExportOrder = (a: SelectablePost, b: SelectablePost): number => {
  const timeA = a.createTime ?? Infinity;
  const timeB = b.createTime ?? Infinity;
  if (timeA !== timeB) return timeA < timeB ? -1 : 1;
  return a.id < b.id ? -1 : a.id > b.id ? 1 : 0;
};
