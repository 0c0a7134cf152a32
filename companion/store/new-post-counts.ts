import { dayOf } from "./day-cover.ts";

/**
 * The aggregate's counts (co-occurrence-schema.ts) of posts a bulk writer has just inserted, summed in
 * JavaScript: such a post had no links or tags before, so what it adds is known from its one link and its own
 * tags without reading anything back. bulk-writes.ts moves the sums into its temp tables now and then, where they
 * meet the counts of the stored posts it reads from SQL.
 */

/** Rows as the temp tables take them: [hashtag, day, n] and [hashtag, day, tag, n]. */
export interface CountRows {
  days: [string, number, number][];
  tags: [string, number, string, number][];
}

// A separator no tag or hashtag holds (the importer sends the others through SQL).
const SEP = "\u0000";

export class NewPostCounts {
  private days = new Map<string, number>();
  private tags = new Map<string, number>();

  /** Entries held (one per hashtag and day, and per hashtag, day and tag). */
  get size(): number {
    return this.days.size + this.tags.size;
  }

  /** A new post linked to `hashtag` with sort time `sortTime` (a whole number) and its own distinct tags. */
  add(hashtag: string, sortTime: number, tags: readonly string[]): void {
    if (!Number.isSafeInteger(sortTime)) throw new RangeError(`sort time ${sortTime} is not a whole number`);
    const dayKey = `${hashtag}${SEP}${dayOf(sortTime)}`;
    this.days.set(dayKey, (this.days.get(dayKey) ?? 0) + 1);
    for (const tag of tags) {
      const tagKey = `${dayKey}${SEP}${tag}`;
      this.tags.set(tagKey, (this.tags.get(tagKey) ?? 0) + 1);
    }
  }

  /** Hands over the sums and starts again from zero. */
  drain(): CountRows {
    const days: CountRows["days"] = [];
    for (const [key, n] of this.days) {
      const [hashtag, day] = key.split(SEP) as [string, string];
      days.push([hashtag, Number(day), n]);
    }
    const tags: CountRows["tags"] = [];
    for (const [key, n] of this.tags) {
      const first = key.indexOf(SEP);
      const second = key.indexOf(SEP, first + 1);
      tags.push([key.slice(0, first), Number(key.slice(first + 1, second)), key.slice(second + 1), n]);
    }
    this.days = new Map();
    this.tags = new Map();
    return { days, tags };
  }
}
