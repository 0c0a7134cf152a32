import type Database from "better-sqlite3";
import type { HashtagCounts, IndexedCounts } from "../../shared/analysis/hashtag-frequencies.ts";
import { coverWithDays, dayOf, type SecondRange } from "./day-cover.ts";
import { numberedCounts } from "./numbered-counts.ts";
import type { TimeRange } from "./post-store.ts";
import { UNDATED } from "./schema.ts";
import {
  coverWithSpans,
  NUMBERED_SPAN_DAYS,
  NUMBERED_SPAN_ROWS,
  type SignedPiece,
  type SpanPiece,
  signedCover,
  TOTALS_ROWS,
} from "./span-cover.ts";
import { tagNames } from "./tag-names.ts";
import { parseTagLists, TagSums } from "./tag-sums.ts";
import { timeBounds } from "./time-bounds.ts";

/** A piece's rows as two JSON lists, tag numbers and counts (tag-sums.ts). */
const LISTS = "json_group_array(tag_id), json_group_array(n)";
type Lists = [numbers: string, counts: string];
/** A partial day's [tag number, tag, n]: the text only for a tag without a number (tag-codes-schema.ts). */
type EdgeCount = [tagNumber: number | null, tag: string | null, n: number];

const isWholeStore = ({ low, high }: SecondRange) => low === Number.MIN_SAFE_INTEGER && high >= UNDATED;

const UNDATED_DAY = dayOf(UNDATED);
const FIRST_DAY = Number.MIN_SAFE_INTEGER;
const LAST_DAY = Number.MAX_SAFE_INTEGER;

/**
 * Co-occurrence counts and post counts of a hashtag from the aggregate (co-occurrence-schema.ts) and its rollups:
 * posts from hashtag_spans (span-rollup-schema.ts), tags by tag number from tag_number_spans and tag_number_totals
 * (numbered-rollup-schema.ts). All-time sums without a range; with one, its whole days as the signed cover of spans
 * and days expected to read the fewest rows (span-cover.ts) and the partial days at its edges counted from the
 * posts, so every range is exact while reading at most two days of posts. Tags are summed by number (tag-sums.ts)
 * and named when asked for (numbered-counts.ts, tag-names.ts).
 */
export const coOccurrenceCounts = (db: Database.Database) => {
  const totals = db
    .prepare<[string], Lists>(`SELECT ${LISTS} FROM tag_number_totals WHERE hashtag = ?`)
    .raw();
  const spans = db
    .prepare<[string, number, number, number], Lists>(
      `SELECT ${LISTS} FROM tag_number_spans WHERE hashtag = ? AND days = ? AND span BETWEEN ? AND ?`,
    )
    .raw();
  const edge = db
    .prepare<[string, number, number], EdgeCount>(
      // Numbered after grouping: one look-up per distinct tag instead of one per post and tag (2 partial days of the
      // long tail: ~34 ms against ~41-58 ms).
      `SELECT i.id, CASE WHEN i.id IS NULL THEN g.tag END, g.n
       FROM (SELECT t.tag AS tag, COUNT(*) AS n FROM post_hashtags h JOIN post_tags t ON t.post_id = h.post_id
             WHERE h.hashtag = ? AND h.sort_time BETWEEN ? AND ? GROUP BY t.tag) g
       LEFT JOIN tag_ids i ON i.tag = g.tag`,
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
  const datedDays = db.prepare<
    [{ hashtag: string; undated: number }],
    { first: number | null; last: number | null; undated: number }
  >(
    `SELECT (SELECT min(day) FROM hashtag_days WHERE hashtag = $hashtag) AS first,
       (SELECT max(day) FROM hashtag_days WHERE hashtag = $hashtag AND day < $undated) AS last,
       EXISTS (SELECT 1 FROM hashtag_days WHERE hashtag = $hashtag AND day = $undated) AS undated`,
  );
  const names = tagNames(db);

  const postsOf = (hashtag: string, { days: length, from, to }: SpanPiece): number =>
    length === 1 ? dayPosts.get(hashtag, from, to)!.n : spanPosts.get(hashtag, length, from, to)!.n;
  const postsOnDays = (hashtag: string, from: number, to: number): number =>
    coverWithSpans(from, to).reduce((sum, piece) => sum + postsOf(hashtag, piece), 0);
  const readPieces = (sums: TagSums, hashtag: string, pieces: readonly SignedPiece[]): void => {
    for (const piece of pieces)
      sums.addLists(...spans.get(hashtag, piece.days, piece.from, piece.to)!, piece.sign);
  };
  const cover = (from: number, to: number) => signedCover(from, to, NUMBERED_SPAN_DAYS, NUMBERED_SPAN_ROWS);

  /**
   * The whole days from..to: their own cover, or the totals minus the covers of the hashtag's days outside them,
   * whichever is expected to read fewer rows; undated posts' day is one more day outside.
   */
  const addWholeDays = (sums: TagSums, hashtag: string, from: number, to: number): void => {
    const { first, last, undated } = datedDays.get({ hashtag, undated: UNDATED_DAY })!;
    if (first === null || last === null) return;
    const inside = cover(Math.max(from, first), Math.min(to, last));
    const before = cover(first, Math.min(from - 1, last));
    const after = cover(Math.max(to + 1, first), last);
    const outside = before.cost + after.cost + (undated ? NUMBERED_SPAN_ROWS[0]! : 0);
    if (inside.cost <= TOTALS_ROWS + outside) {
      readPieces(sums, hashtag, inside.pieces);
      return;
    }
    sums.addLists(...totals.get(hashtag)!);
    for (const plan of [before, after])
      readPieces(
        sums,
        hashtag,
        plan.pieces.map((piece) => ({ ...piece, sign: piece.sign === 1 ? -1 : 1 })),
      );
    if (undated) sums.addLists(...spans.get(hashtag, 1, UNDATED_DAY, UNDATED_DAY)!, -1);
  };
  const countPosts = (hashtag: string, range?: TimeRange): number => {
    const bounds = timeBounds(range);
    if (isWholeStore(bounds)) return postsOnDays(hashtag, FIRST_DAY, LAST_DAY);
    const cover = coverWithDays(bounds);
    let total = cover.days ? postsOnDays(hashtag, cover.days.from, cover.days.to) : 0;
    for (const { low, high } of cover.edges) total += edgePosts.get(hashtag, low, high)!.n;
    return total;
  };

  const hashtagCounts = (hashtag: string, range?: TimeRange): HashtagCounts & IndexedCounts => {
    const bounds = timeBounds(range);
    const totalPosts = countPosts(hashtag, range);
    if (isWholeStore(bounds)) {
      // One row per tag number (its key), none of them 0 (the rollup deletes those, a 0 from elsewhere is left out
      // all the same): the sums as they are, without adding 50,000 rows into an array only to read them out again.
      const { numbers, counts } = parseTagLists(...totals.get(hashtag)!);
      const kept = counts.includes(0) ? counts.flatMap((n, i) => (n === 0 ? [] : [i])) : null;
      const sums = kept
        ? { numbers: kept.map((i) => numbers[i]!), sums: kept.map((i) => counts[i]!) }
        : { numbers, sums: counts };
      return numberedCounts(names, totalPosts, new Map(), sums, db.inTransaction);
    }
    const sums = new TagSums(names.largestNumber());
    const unnumbered = new Map<string, number>();
    const cover = coverWithDays(bounds);
    if (cover.days) addWholeDays(sums, hashtag, cover.days.from, cover.days.to);
    for (const { low, high } of cover.edges)
      for (const [id, tag, n] of edge.all(hashtag, low, high)) {
        if (id !== null) sums.add(id, n);
        else if (tag !== null) unnumbered.set(tag, (unnumbered.get(tag) ?? 0) + n);
      }
    return numberedCounts(names, totalPosts, unnumbered, sums.nonZero(), db.inTransaction);
  };

  return { countPosts, hashtagCounts };
};
