import type { MirrorDb, MirrorFollow, MirrorLink, MirrorPost, MirrorRun, MirrorVideo } from "./mirror-db.ts";
import { type PostWrite, writePosts } from "./post-chunks.ts";

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

/**
 * A page whose cursor is checked and its contents not yet: `read` checks them (throwing when they do not hold),
 * so the next page can be asked for first.
 */
export interface UncheckedPage {
  nextCursor: string;
  hasMore: boolean;
  read: () => MirrorPage;
}

export type FetchPage = (cursor: string | null) => Promise<MirrorPage | UncheckedPage>;

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
  // The feed sends every link of each post it sends, so a post's links arrive with it; a link may still name a
  // post from an earlier page, which writePosts takes from the mirror.
  const linkTo = new Map<string, string[]>();
  for (const link of page.links) {
    const hashtags = linkTo.get(link.postId) ?? [];
    hashtags.push(link.hashtag);
    linkTo.set(link.postId, hashtags);
  }
  const writes: PostWrite[] = page.posts.map((post) => ({
    id: post.id,
    post,
    linkTo: linkTo.get(post.id) ?? [],
  }));
  const sent = new Set(page.posts.map((post) => post.id));
  for (const [id, hashtags] of linkTo) if (!sent.has(id)) writes.push({ id, linkTo: hashtags });
  const tables = [db.chunks, db.chunkIds, db.runs, db.videos, db.follows, db.meta, db.dayCounts];
  await db.transaction("rw", tables, async () => {
    await Promise.all([
      writes.length > 0 ? writePosts(db, writes) : undefined,
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
  const spent = { pages: 0, waiting: 0, writing: 0 };
  try {
    let next = fetchPage(cursor);
    for (;;) {
      const waited = performance.now();
      const fetched = await next;
      spent.waiting += performance.now() - waited;
      // The next page is built by the companion and travels while this one is checked and written.
      if (fetched.hasMore) {
        next = fetchPage(fetched.nextCursor);
        // Its failure is reported by the await above on the next turn, or not at all when this write fails.
        next.catch(() => {});
      }
      const writing = performance.now();
      const page = "read" in fetched ? fetched.read() : fetched;
      changes += await applyPage(db, page);
      spent.writing += performance.now() - writing;
      spent.pages += 1;
      cursor = page.nextCursor;
      if (!page.hasMore) break;
    }
    await db.meta.bulkPut([
      { key: "lastSyncAt", value: new Date().toISOString() },
      { key: "lastSyncError", value: null },
      {
        key: "lastSyncStats",
        value: `${spent.pages} pages, ${changes} changes: ${Math.round(spent.waiting)} ms waiting for pages (fetched while the one before was checked and written), ${Math.round(spent.writing)} ms checking and writing`,
      },
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
