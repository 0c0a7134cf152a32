import { pythonListRepr } from "./python-repr.ts";

// The seed's log lines, word for word, so scripts that read its output keep working.

export const hashtagsToScrapeLine = (hashtags: readonly string[]): string =>
  `Hashtags to scrape: ${pythonListRepr(hashtags)}`;

/** `total` is every post stored for the hashtag, as the seed counted its id list; `fresh` those new this run. */
export const scrapedLine = (
  total: number,
  kind: "posts" | "videos",
  hashtag: string,
  fresh: number,
): string => `Scraped ${total} ${kind} containing the hashtag '${hashtag}' (${fresh} new)`;

/** `total` is the new entries (posts and videos) of the whole run, as the seed's log_writer summed them. */
export const totalLine = (total: number): string => `Successfully scraped ${total} total entries`;
