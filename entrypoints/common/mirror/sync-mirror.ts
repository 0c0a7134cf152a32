import type { MirrorDb, MirrorFollow, MirrorLink, MirrorPost, MirrorRun, MirrorVideo } from "./mirror-db.ts";

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
  await db.transaction("rw", [db.posts, db.links, db.runs, db.videos, db.follows, db.meta], async () => {
    // A link may name a post from an earlier page; its date and tags come from wherever the post is.
    const missing = page.links.filter((link) => !byId.has(link.postId)).map((link) => link.postId);
    const stored = missing.length > 0 ? await db.posts.bulkGet(missing) : [];
    for (const post of stored) if (post !== undefined) byId.set(post.id, post);
    const links: MirrorLink[] = page.links.map((link) => {
      const post = byId.get(link.postId);
      return {
        hashtag: link.hashtag,
        postId: link.postId,
        createTime: post?.createTime ?? null,
        tags: post?.hashtags ?? [],
      };
    });
    // A post changed later (new stats, new hashtags) must refresh the copies in every link already mirrored.
    // Only posts the mirror already holds can have such links: asking the posts by key first (requests sent
    // together) spares the postId index cursor, which steps once per id and cost 40% of a page's write in Chromium.
    const ids = page.posts.map((post) => post.id);
    const known = ids.length > 0 ? await db.posts.bulkGet(ids) : [];
    const mirrored = ids.filter((_, index) => known[index] !== undefined);
    const relinked = mirrored.length > 0 ? await db.links.where("postId").anyOf(mirrored).toArray() : [];
    for (const link of relinked) {
      const post = byId.get(link.postId);
      if (post !== undefined) links.push({ ...link, createTime: post.createTime, tags: post.hashtags });
    }
    await db.posts.bulkPut(page.posts);
    await db.links.bulkPut(links);
    await db.runs.bulkPut(page.runs);
    await db.videos.bulkPut(page.videos);
    if (page.follows !== undefined) {
      await db.follows.clear();
      await db.follows.bulkPut(page.follows);
    }
    await db.meta.put({ key: "syncCursor", value: page.nextCursor });
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
    for (;;) {
      const page = await fetchPage(cursor);
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
