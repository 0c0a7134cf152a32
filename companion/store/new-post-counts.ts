import { dayOf } from "./day-cover.ts";
import { NUMBERED_SPAN_DAYS } from "./span-cover.ts";

/**
 * The aggregate's counts (co-occurrence-schema.ts) and its numbered rollup's (numbered-rollup-schema.ts) of posts
 * a bulk writer has just inserted, summed in JavaScript: such a post had no links or tags before, so what it adds
 * is known from its one link and its own tags without reading anything back. Every count only grows, so
 * bulk-writes.ts adds the rows straight to the tables, whatever the stored posts' differences do there.
 *
 * Sums are kept per hashtag, day and tag text in nested maps: the tag strings come from the posts with their hash
 * already computed, where a joined key would be a new string to hash for every tag of every post.
 */

/**
 * Where drain() hands its rows, one call a row, each table's rows in the order of its key's day or span (the order
 * of the B-trees, so that their pages are written in turn), without a list of them all held at once.
 */
export interface CountSink {
  /** hashtag_days. */
  day(hashtag: string, day: number, posts: number): void;
  /** tag_days. */
  tag(hashtag: string, day: number, tag: string, n: number): void;
  /** tag_totals. */
  total(hashtag: string, tag: string, n: number): void;
  /** tag_number_spans, for each of NUMBERED_SPAN_DAYS. */
  span(hashtag: string, days: number, span: number, tagNumber: number, n: number): void;
  /** tag_number_totals. */
  numberTotal(hashtag: string, tagNumber: number, n: number): void;
  /**
   * A tag_days row of a tag `numberOf` had no number for: left out of `tag`, `total` and the rollup, for SQL to add
   * (and number) from its own tables.
   */
  unnumbered(hashtag: string, day: number, tag: string, n: number): void;
}

interface Day {
  posts: number;
  tags: Map<string, number>;
}

/** Floor division: the span a day falls in, also for days before 1970 (numbered-rollup-schema.ts's spanOf). */
const spanOf = (day: number, days: number): number => Math.floor(day / days);

export class NewPostCounts {
  private hashtags = new Map<string, Map<number, Day>>();
  private held = 0;

  /** Entries held (one per hashtag and day, and per hashtag, day and tag). */
  get size(): number {
    return this.held;
  }

  /** A new post linked to `hashtag` with sort time `sortTime` (a whole number) and its own distinct tags. */
  add(hashtag: string, sortTime: number, tags: readonly string[]): void {
    if (!Number.isSafeInteger(sortTime)) throw new RangeError(`sort time ${sortTime} is not a whole number`);
    let days = this.hashtags.get(hashtag);
    if (days === undefined) {
      days = new Map();
      this.hashtags.set(hashtag, days);
    }
    const d = dayOf(sortTime);
    let day = days.get(d);
    if (day === undefined) {
      day = { posts: 0, tags: new Map() };
      days.set(d, day);
      this.held++;
    }
    day.posts++;
    const counts = day.tags;
    for (const tag of tags) {
      const n = counts.get(tag);
      if (n === undefined) {
        counts.set(tag, 1);
        this.held++;
      } else counts.set(tag, n + 1);
    }
  }

  /** Forgets the sums (after a rollback took back what they counted). */
  clear(): void {
    this.hashtags = new Map();
    this.held = 0;
  }

  /**
   * Hands the sums to `sink`, the rollup's keyed by each tag's number (`numberOf`: undefined when it has none that
   * JavaScript holds exactly), and starts again from zero.
   */
  drain(numberOf: (tag: string) => number | undefined, sink: CountSink): void {
    const daily = NUMBERED_SPAN_DAYS.includes(1);
    for (const [hashtag, days] of this.hashtags) {
      const totals = new Map<string, number>();
      const numbers = new Map<string, number>();
      // Per span length above 1: span -> tag number -> n; days are read in order, so spans come in order too.
      const longer = NUMBERED_SPAN_DAYS.filter((length) => length !== 1).map((length) => ({
        length,
        spans: new Map<number, Map<number, number>>(),
      }));
      for (const d of [...days.keys()].sort((a, b) => a - b)) {
        const { posts, tags } = days.get(d)!;
        sink.day(hashtag, d, posts);
        for (const [tag, n] of tags) {
          const number = numberOf(tag);
          if (number === undefined) {
            sink.unnumbered(hashtag, d, tag, n);
            continue;
          }
          sink.tag(hashtag, d, tag, n);
          const total = totals.get(tag);
          if (total === undefined) {
            totals.set(tag, n);
            numbers.set(tag, number);
          } else totals.set(tag, total + n);
          if (daily) sink.span(hashtag, 1, d, number, n);
          for (const { length, spans } of longer) {
            const s = spanOf(d, length);
            let span = spans.get(s);
            if (span === undefined) {
              span = new Map();
              spans.set(s, span);
            }
            span.set(number, (span.get(number) ?? 0) + n);
          }
        }
      }
      for (const { length, spans } of longer)
        for (const [s, span] of spans)
          for (const [number, n] of span) sink.span(hashtag, length, s, number, n);
      for (const [tag, n] of totals) {
        sink.total(hashtag, tag, n);
        sink.numberTotal(hashtag, numbers.get(tag)!, n);
      }
    }
    this.clear();
  }
}
