import type { MirrorDb, MirrorFollow, MirrorLink, MirrorPost, MirrorRun, MirrorVideo } from "./mirror-db.ts";
import { putLinks } from "./put-links.ts";

/**
 * One page of the companion's change feed, in the mirror's terms (sync-page-adapter.ts turns the wire format into
 * this). `follows`, when present, is the complete list (unfollowing removes a hashtag).
 */
export interface MirrorPage {
  posts: MirrorPost[];
  /** Which hashtags each post was collected for (not the hashtags it carries). */
  links: Array<Pick<MirrorLink, "hashtag" | "postId">>;
  runs: MirrorRun[];
  videos: MirrorVideo[];
  follows?: MirrorFollow[];
  nextCursor: string;
  hasMore: boolean;
}

export type FetchPage = (cursor: string | null) => Promise<MirrorPage>;

export interface SyncResult {
  /** Rows written (posts + links + runs + videos) in this sync. */
  changes: number;
  cursor: string | null;
}

const readCursor = async (db: MirrorDb): Promise<string | null> => {
  const value = (await db.meta.get("syncCursor"))?.value;
  return value === undefined || value === null ? null : String(value);
};

/** Writes one page and its cursor in a single transaction: a break between pages never skips or repeats one. */
const applyPage = async (db: MirrorDb, page: MirrorPage): Promise<number> => {
  const byId = new Map(page.posts.map((post) => [post.id, post]));
  const tables = [db.posts, db.links, db.runs, db.videos, db.follows, db.meta, db.hashtagDays];
  await db.transaction("rw", tables, async () => {
    // A link may name a post from an earlier page; its date and tags come from wherever the post is. (The feed
    // sends every link of each post it sends, so a changed post's links all arrive with it and are refreshed.)
    const missing = [...new Set(page.links.map((link) => link.postId).filter((id) => !byId.has(id)))];
    const stored = missing.length > 0 ? await db.posts.bulkGet(missing) : [];
    for (const post of stored) if (post !== undefined) byId.set(post.id, post);
    const links = page.links.map((link): MirrorLink => {
      const post = byId.get(link.postId);
      return {
        hashtag: link.hashtag,
        postId: link.postId,
        createTime: post?.createTime ?? null,
        tags: post?.hashtags ?? [],
      };
    });
    await Promise.all([
      db.posts.bulkPut(page.posts),
      putLinks(db, links),
      db.runs.bulkPut(page.runs),
      db.videos.bulkPut(page.videos),
      db.meta.put({ key: "syncCursor", value: page.nextCursor }),
    ]);
    if (page.follows !== undefined) {
      await db.follows.clear();
      await db.follows.bulkPut(page.follows);
    }
  });
  return page.posts.length + page.links.length + page.runs.length + page.videos.length;
};

/**
 * Mirrors the feed from the stored cursor until the companion has nothing newer. Errors leave the mirror at the
 * last whole page, so the next call resumes there.
 */
export const syncMirror = async (db: MirrorDb, fetchPage: FetchPage): Promise<SyncResult> => {
  let cursor = await readCursor(db);
  let changes = 0;
  try {
    let next = fetchPage(cursor);
    for (;;) {
      const page = await next;
      // The next page travels and is checked while this one is written (IndexedDB works outside this thread).
      if (page.hasMore) {
        next = fetchPage(page.nextCursor);
        // Its failure is reported by the await above on the next turn, or not at all when this write fails.
        next.catch(() => {});
      }
      changes += await applyPage(db, page);
      cursor = page.nextCursor;
      if (!page.hasMore) break;
    }
    await db.meta.bulkPut([
      { key: "lastSyncAt", value: new Date().toISOString() },
      { key: "lastSyncError", value: null },
    ]);
    return { changes, cursor };
  } catch (error) {
    await db.meta.put({
      key: "lastSyncError",
      value: error instanceof Error ? error.message : String(error),
    });
    throw error;
  }
};

/** Runs at most one sync at a time: an alarm and a click that overlap share the same run. */
export const singleFlight = <T>(task: () => Promise<T>): (() => Promise<T>) => {
  let running: Promise<T> | null = null;
  return () => {
    running ??= task().finally(() => {
      running = null;
    });
    return running;
  };
};
