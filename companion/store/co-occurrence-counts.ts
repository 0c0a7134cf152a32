import type Database from "better-sqlite3";
import type { HashtagCounts } from "../../shared/analysis/hashtag-frequencies.ts";
import { coverWithDays, type SecondRange } from "./day-cover.ts";
import type { TimeRange } from "./post-store.ts";
import { UNDATED } from "./schema.ts";
import { coverWithSpans, type SpanPiece } from "./span-cover.ts";
import { timeBounds } from "./time-bounds.ts";

/** [tag, n]: rows as arrays, which better-sqlite3 builds faster than objects (tens of thousands per query). */
type TagCount = [tag: string, n: number];

const isWholeStore = ({ low, high }: SecondRange) => low === Number.MIN_SAFE_INTEGER && high >= UNDATED;

const FIRST_DAY = Number.MIN_SAFE_INTEGER;
const LAST_DAY = Number.MAX_SAFE_INTEGER;

/**
 * Co-occurrence counts and post counts of a hashtag from the aggregate (co-occurrence-schema.ts) and its rollup
 * into spans of days (span-rollup-schema.ts): all-time sums without a range; with one, its whole days as the
 * fewest whole spans and days (span-cover.ts) and the partial days at its edges counted from the posts, so every
 * range is exact while reading at most two days of posts.
 */
export const coOccurrenceCounts = (db: Database.Database) => {
  const totals = db.prepare<[string], TagCount>("SELECT tag, n FROM tag_totals WHERE hashtag = ?").raw();
  const days = db
    .prepare<[string, number, number], TagCount>(
      "SELECT tag, SUM(n) AS n FROM tag_days WHERE hashtag = ? AND day BETWEEN ? AND ? GROUP BY tag",
    )
    .raw();
  const spans = db
    .prepare<[string, number, number, number], TagCount>(
      "SELECT tag, SUM(n) AS n FROM tag_spans WHERE hashtag = ? AND days = ? AND span BETWEEN ? AND ? GROUP BY tag",
    )
    .raw();
  const edge = db
    .prepare<[string, number, number], TagCount>(
      `SELECT t.tag, COUNT(*) AS n FROM post_hashtags h JOIN post_tags t ON t.post_id = h.post_id
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

  const tagsOf = (hashtag: string, { days: length, from, to }: SpanPiece): TagCount[] =>
    length === 1 ? days.all(hashtag, from, to) : spans.all(hashtag, length, from, to);
  const postsOf = (hashtag: string, { days: length, from, to }: SpanPiece): number =>
    length === 1 ? dayPosts.get(hashtag, from, to)!.n : spanPosts.get(hashtag, length, from, to)!.n;
  const postsOnDays = (hashtag: string, from: number, to: number): number =>
    coverWithSpans(from, to).reduce((sum, piece) => sum + postsOf(hashtag, piece), 0);

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
    const counts = new Map<string, number>();
    const add = (rows: TagCount[]) => {
      for (const [tag, n] of rows) counts.set(tag, (counts.get(tag) ?? 0) + n);
    };
    const subtract = (rows: TagCount[]) => {
      for (const [tag, n] of rows) {
        const left = counts.get(tag)! - n;
        if (left === 0) counts.delete(tag);
        else counts.set(tag, left);
      }
    };
    if (isWholeStore(bounds)) add(totals.all(hashtag));
    else {
      const cover = coverWithDays(bounds);
      if (cover.days) {
        const { from, to } = cover.days;
        const inside = postsOnDays(hashtag, from, to);
        const all = postsOnDays(hashtag, FIRST_DAY, LAST_DAY);
        // The rows read grow with the days' posts: when the range holds most of them, the totals minus the days
        // outside it read fewer (tag_totals is exactly the sum of every day).
        if (inside <= all / 2) for (const piece of coverWithSpans(from, to)) add(tagsOf(hashtag, piece));
        else {
          add(totals.all(hashtag));
          const outside = [...coverWithSpans(FIRST_DAY, from - 1), ...coverWithSpans(to + 1, LAST_DAY)];
          for (const piece of outside) subtract(tagsOf(hashtag, piece));
        }
      }
      for (const { low, high } of cover.edges) add(edge.all(hashtag, low, high));
    }
    return { totalPosts: countPosts(hashtag, range), counts };
  };

  return { countPosts, hashtagCounts };
};
