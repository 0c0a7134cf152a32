import type Database from "better-sqlite3";
import type { HashtagCounts } from "../../shared/analysis/hashtag-frequencies.ts";
import { coverWithDays, type SecondRange } from "./day-cover.ts";
import type { TimeRange } from "./post-store.ts";
import { UNDATED } from "./schema.ts";
import { coverWithSpans, NUMBERED_SPAN_DAYS, type SpanPiece } from "./span-cover.ts";
import { tagNames } from "./tag-names.ts";
import { TagSums } from "./tag-sums.ts";
import { timeBounds } from "./time-bounds.ts";

/** A piece's rows as one text of "number,count" pairs (tag-sums.ts), null for none. */
const PAIRS = "group_concat(tag_id || ',' || n, ',')";
/** A partial day's [tag number, tag, n]: the text only for a tag without a number (tag-codes-schema.ts). */
type EdgeCount = [tagNumber: number | null, tag: string | null, n: number];

const isWholeStore = ({ low, high }: SecondRange) => low === Number.MIN_SAFE_INTEGER && high >= UNDATED;

const FIRST_DAY = Number.MIN_SAFE_INTEGER;
const LAST_DAY = Number.MAX_SAFE_INTEGER;

/**
 * Co-occurrence counts and post counts of a hashtag from the aggregate (co-occurrence-schema.ts) and its rollups:
 * posts from hashtag_spans (span-rollup-schema.ts), tags by tag number from tag_number_spans and tag_number_totals
 * (numbered-rollup-schema.ts). All-time sums without a range; with one, its whole days as the fewest whole spans
 * and days (span-cover.ts) and the partial days at its edges counted from the posts, so every range is exact while
 * reading at most two days of posts. Tags are summed by number and named once at the end (tag-names.ts).
 */
export const coOccurrenceCounts = (db: Database.Database) => {
  const totals = db
    .prepare<[string], string | null>(`SELECT ${PAIRS} FROM tag_number_totals WHERE hashtag = ?`)
    .pluck();
  const spans = db
    .prepare<[string, number, number, number], string | null>(
      `SELECT ${PAIRS} FROM tag_number_spans WHERE hashtag = ? AND days = ? AND span BETWEEN ? AND ?`,
    )
    .pluck();
  const edge = db
    .prepare<[string, number, number], EdgeCount>(
      `SELECT i.id, CASE WHEN i.id IS NULL THEN t.tag END, COUNT(*) AS n
       FROM post_hashtags h JOIN post_tags t ON t.post_id = h.post_id LEFT JOIN tag_ids i ON i.tag = t.tag
       WHERE h.hashtag = ? AND h.sort_time BETWEEN ? AND ? GROUP BY t.tag`,
    )
    .raw();
  const dayPosts = db.prepare<[string, number, number], { n: number }>(
    "SELECT COALESCE(SUM(posts), 0) AS n FROM hashtag_days WHERE hashtag = ? AND day BETWEEN ? AND ?",
  );
  const spanPosts = db.prepare<[string, number, number, number], { n: number }>(
    "SELECT COALESCE(SUM(posts), 0) AS n FROM hashtag_spans WHERE hashtag = ? AND days = ? AND span BETWEEN ? AND ?",
  );
  const edgePosts = db.prepare<[string, number, number], { n: number }>(
    "SELECT COUNT(*) AS n FROM post_hashtags WHERE hashtag = ? AND sort_time BETWEEN ? AND ?",
  );
  const names = tagNames(db);

  const postsOf = (hashtag: string, { days: length, from, to }: SpanPiece): number =>
    length === 1 ? dayPosts.get(hashtag, from, to)!.n : spanPosts.get(hashtag, length, from, to)!.n;
  const postsOnDays = (hashtag: string, from: number, to: number): number =>
    coverWithSpans(from, to).reduce((sum, piece) => sum + postsOf(hashtag, piece), 0);
  const addDays = (sums: TagSums, hashtag: string, from: number, to: number, sign: 1 | -1): void => {
    for (const piece of coverWithSpans(from, to, NUMBERED_SPAN_DAYS))
      sums.addPairs(spans.get(hashtag, piece.days, piece.from, piece.to) ?? null, sign);
  };

  const countPosts = (hashtag: string, range?: TimeRange): number => {
    const bounds = timeBounds(range);
    if (isWholeStore(bounds)) return postsOnDays(hashtag, FIRST_DAY, LAST_DAY);
    const cover = coverWithDays(bounds);
    let total = cover.days ? postsOnDays(hashtag, cover.days.from, cover.days.to) : 0;
    for (const { low, high } of cover.edges) total += edgePosts.get(hashtag, low, high)!.n;
    return total;
  };

  const hashtagCounts = (hashtag: string, range?: TimeRange): HashtagCounts => {
    const bounds = timeBounds(range);
    const sums = new TagSums(names.largestNumber());
    const unnumbered = new Map<string, number>();
    if (isWholeStore(bounds)) sums.addPairs(totals.get(hashtag) ?? null);
    else {
      const cover = coverWithDays(bounds);
      if (cover.days) {
        const { from, to } = cover.days;
        const inside = postsOnDays(hashtag, from, to);
        const all = postsOnDays(hashtag, FIRST_DAY, LAST_DAY);
        // The rows read grow with the days' posts: when the range holds most of them, the totals minus the days
        // outside it read fewer (tag_number_totals is exactly the sum of every day).
        if (inside <= all / 2) addDays(sums, hashtag, from, to, 1);
        else {
          sums.addPairs(totals.get(hashtag) ?? null);
          addDays(sums, hashtag, FIRST_DAY, from - 1, -1);
          addDays(sums, hashtag, to + 1, LAST_DAY, -1);
        }
      }
      for (const { low, high } of cover.edges)
        for (const [id, tag, n] of edge.all(hashtag, low, high)) {
          if (id !== null) sums.add(id, n);
          else if (tag !== null) unnumbered.set(tag, (unnumbered.get(tag) ?? 0) + n);
        }
    }
    const entries = [...sums.entries()];
    const named = names.namesOf(entries.map(([id]) => id));
    const counts = new Map<string, number>(unnumbered);
    for (const [id, n] of entries) counts.set(named.get(id)!, n);
    return { totalPosts: countPosts(hashtag, range), counts };
  };

  return { countPosts, hashtagCounts };
};
