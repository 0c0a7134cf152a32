import { normaliseHashtag } from "../../../shared/hashtag/hashtag.ts";
import type { MirrorLink } from "./mirror-db.ts";

/** The day key of a post whose creation time is unknown (a string sorts after every numeric day). */
export const UNDATED = "undated";

/** A UTC day as days since 1970-01-01 (as shared/analysis/posts-per-day.ts counts them), or UNDATED. */
export type DayKey = number | typeof UNDATED;

/**
 * What the links of one hashtag add up to on one day: how many posts and how many of them carry each hashtag
 * (case-folded, once per post, as the CLI's `frequencies` counts). The sync keeps these in step with the links,
 * so the hashtag's view reads a few hundred of them instead of 100k links.
 */
export interface HashtagDay {
  hashtag: string;
  day: DayKey;
  posts: number;
  tags: Map<string, number>;
}

/**
 * All of one hashtag's days, stored as one record: a sync page's posts fall on hundreds of days, and Chromium
 * spends about 0.2 ms per record written whatever its size, so a record per day cost more than the posts.
 * `days` are in day order, undated last; `posts` is their sum (the posts collected for the hashtag).
 */
export interface HashtagDayCounts {
  hashtag: string;
  posts: number;
  days: HashtagDay[];
}

/** Day order: numeric days ascending, then UNDATED (as IndexedDB orders the keys). */
export const compareDays = (a: DayKey, b: DayKey): number =>
  a === b ? 0 : a === UNDATED ? 1 : b === UNDATED ? -1 : a - b;

/** What a link contributes to its hashtag's days: its copy of the post's date and hashtags. */
export type CountedLink = Pick<MirrorLink, "hashtag" | "createTime" | "tags">;

export const dayKeyOf = (createTime: number | null | undefined): DayKey =>
  createTime === null || createTime === undefined ? UNDATED : Math.floor(createTime / 86_400);

const rowKey = (hashtag: string, day: DayKey): string => JSON.stringify([hashtag, day]);

/**
 * Changes to day rows, added up in memory before they touch IndexedDB: links counted in (+1) and out (-1),
 * e.g. a post's old copy out and its new one in.
 */
export class DayTally {
  readonly #rows = new Map<string, HashtagDay>();
  /** Each tag as counted: a page of 10k posts names a few thousand distinct tags many times over. */
  readonly #normalised = new Map<string, string>();

  #normalise(tag: string): string {
    let normalised = this.#normalised.get(tag);
    if (normalised === undefined) {
      normalised = normaliseHashtag(tag);
      this.#normalised.set(tag, normalised);
    }
    return normalised;
  }

  add(link: CountedLink, sign: 1 | -1): void {
    const day = dayKeyOf(link.createTime);
    const key = rowKey(link.hashtag, day);
    let row = this.#rows.get(key);
    if (row === undefined) {
      row = { hashtag: link.hashtag, day, posts: 0, tags: new Map() };
      this.#rows.set(key, row);
    }
    row.posts += sign;
    for (const tag of new Set((link.tags ?? []).map((tag) => this.#normalise(tag)))) {
      if (tag !== "") row.tags.set(tag, (row.tags.get(tag) ?? 0) + sign);
    }
  }

  /** The hashtags whose days this tally changes, for a bulkGet of their records. */
  hashtags(): string[] {
    return [...new Set([...this.#rows.values()].map((row) => row.hashtag))];
  }

  /**
   * The stored records of hashtags() (in that order, undefined when absent) with this tally applied: records to
   * put, and the hashtags left without posts, to delete.
   */
  applyToHashtags(stored: ReadonlyArray<HashtagDayCounts | undefined>): {
    put: HashtagDayCounts[];
    remove: string[];
  } {
    const records = new Map(
      this.hashtags().map((hashtag, index) => [
        hashtag,
        new Map((stored[index]?.days ?? []).map((row) => [row.day, row])),
      ]),
    );
    const changes = [...this.#rows.values()];
    const { put, remove } = this.applyTo(
      changes.map((change) => records.get(change.hashtag)?.get(change.day)),
    );
    for (const row of put) records.get(row.hashtag)?.set(row.day, row);
    for (const [hashtag, day] of remove) records.get(hashtag)?.delete(day);
    const result = { put: [] as HashtagDayCounts[], remove: [] as string[] };
    for (const [hashtag, days] of records) {
      if (days.size === 0) {
        result.remove.push(hashtag);
        continue;
      }
      const sorted = [...days.values()].sort((a, b) => compareDays(a.day, b.day));
      result.put.push({ hashtag, posts: sorted.reduce((sum, row) => sum + row.posts, 0), days: sorted });
    }
    return result;
  }

  /**
   * The stored rows (in the tally's order, undefined when absent) with this tally applied: rows to put, and
   * the keys of rows left without posts, to delete (an empty day must not stretch the posts-per-day axis).
   */
  applyTo(stored: ReadonlyArray<HashtagDay | undefined>): {
    put: HashtagDay[];
    remove: Array<[string, DayKey]>;
  } {
    const put: HashtagDay[] = [];
    const remove: Array<[string, DayKey]> = [];
    [...this.#rows.values()].forEach((change, index) => {
      const before = stored[index];
      const tags = new Map(before?.tags);
      for (const [tag, count] of change.tags) {
        const total = (tags.get(tag) ?? 0) + count;
        if (total === 0) tags.delete(tag);
        else tags.set(tag, total);
      }
      const posts = (before?.posts ?? 0) + change.posts;
      if (posts > 0) put.push({ hashtag: change.hashtag, day: change.day, posts, tags });
      else if (before !== undefined) remove.push([change.hashtag, change.day]);
    });
    return { put, remove };
  }
}

/** The day rows of a set of links, from nothing (the schema upgrade, tests). */
export const hashtagDaysOf = (links: Iterable<CountedLink>): HashtagDay[] => {
  const tally = new DayTally();
  for (const link of links) tally.add(link, 1);
  return tally.applyTo([]).put;
};

/** Day rows grouped into each hashtag's record (the schema upgrade, tests). */
export const dayCountsOf = (rows: Iterable<HashtagDay>): HashtagDayCounts[] => {
  const byHashtag = new Map<string, HashtagDay[]>();
  for (const row of rows) {
    const days = byHashtag.get(row.hashtag) ?? [];
    days.push(row);
    byHashtag.set(row.hashtag, days);
  }
  return [...byHashtag].map(([hashtag, days]) => ({
    hashtag,
    posts: days.reduce((sum, row) => sum + row.posts, 0),
    days: days.sort((a, b) => compareDays(a.day, b.day)),
  }));
};
