import type { MirrorDb, MirrorFollow, MirrorLink, MirrorPost, MirrorRun, MirrorVideo } from "./mirror-db.ts";
import { type PostWrite, preparePosts, writePosts } from "./post-chunks.ts";

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
  /** Each of `posts` as the JSON text it was parsed from, when the page came as text (the sync stream). */
  postTexts?: readonly string[];
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

/** The posts of a page as writes: each with the hashtags it was collected for. */
const writesOf = (page: MirrorPage): PostWrite[] => {
  // The feed sends every link of each post it sends, so a post's links arrive with it; a link may still name a
  // post from an earlier page, which writePosts takes from the mirror.
  const linkTo = new Map<string, string[]>();
  for (const link of page.links) {
    const hashtags = linkTo.get(link.postId);
    if (hashtags === undefined) linkTo.set(link.postId, [link.hashtag]);
    else hashtags.push(link.hashtag);
  }
  const texts = page.postTexts;
  const writes: PostWrite[] = page.posts.map((post, index) => ({
    id: post.id,
    post,
    postText: texts?.[index],
    linkTo: linkTo.get(post.id) ?? [],
  }));
  const sent = new Set(page.posts.map((post) => post.id));
  for (const [id, hashtags] of linkTo) if (!sent.has(id)) writes.push({ id, linkTo: hashtags });
  return writes;
};

/** A page's transaction found the stored cursor not the one it was fetched with. */
class PageOutOfTurn extends Error {}

/** A page's transaction, started: `written` once its requests are done (only its commit left), `committed` after. */
interface PageWrite {
  written: Promise<void>;
  committed: Promise<number>;
}

/**
 * Writes one page and its cursor in a single transaction: a break between pages never skips or repeats one. The
 * transaction may be started while the page before is still committing (IndexedDB runs them in order); it first
 * checks that the stored cursor is the one the page was fetched with, so a page is never written after one
 * before it failed.
 */
const startPage = (db: MirrorDb, page: MirrorPage, fetchedWith: string | null): PageWrite => {
  const prepared = preparePosts(db, writesOf(page));
  let done = () => {};
  const written = new Promise<void>((resolve) => {
    done = resolve;
  });
  const tables = [db.chunks, db.chunkIds, db.runs, db.videos, db.follows, db.meta, db.dayCounts];
  const committed = db
    .transaction("rw", tables, async () => {
      const stored = await readCursor(db);
      if (stored !== fetchedWith)
        throw new PageOutOfTurn(
          `The mirror's sync cursor is ${stored ?? "unset"}, not ${fetchedWith ?? "unset"} as this page expects: the page before it was not written`,
        );
      await Promise.all([
        prepared.writes.length > 0 ? writePosts(db, prepared) : undefined,
        db.runs.bulkPut(page.runs),
        db.videos.bulkPut(page.videos),
        db.meta.put({ key: "syncCursor", value: page.nextCursor }),
      ]);
      if (page.follows !== undefined) {
        await db.follows.clear();
        await db.follows.bulkPut(page.follows);
      }
      // From a timer: a promise settled inside the transaction would run its waiters in the transaction's zone,
      // where Dexie takes the next page's transaction for a child of this finished one.
      setTimeout(done, 0);
    })
    .then(() => page.posts.length + page.links.length + page.runs.length + page.videos.length);
  return { written: Promise.race([written, committed.then(() => {})]), committed };
};

/**
 * Mirrors the feed from the stored cursor until the companion has nothing newer. Errors leave the mirror at the
 * last whole page, so the next call resumes there.
 */
export const syncMirror = async (db: MirrorDb, fetchPage: FetchPage): Promise<SyncResult> => {
  let cursor = await readCursor(db);
  let changes = 0;
  const spent = { pages: 0, waiting: 0, writing: 0 };
  // The pages whose transactions were started, oldest first; at most two (one committing, one queued behind it).
  const started: PageWrite[] = [];
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
      // Checking the page and preparing its chunk happen while the browser commits the page before.
      const page = "read" in fetched ? fetched.read() : fetched;
      const write = startPage(db, page, cursor);
      write.committed.catch(() => {});
      started.push(write);
      if (started.length > 1) changes += await (started.shift() as PageWrite).committed;
      await write.written;
      spent.writing += performance.now() - writing;
      spent.pages += 1;
      cursor = page.nextCursor;
      if (!page.hasMore) break;
    }
    changes += await (started.shift() as PageWrite).committed;
    await db.meta.bulkPut([
      { key: "lastSyncAt", value: new Date().toISOString() },
      { key: "lastSyncError", value: null },
      {
        key: "lastSyncStats",
        value: `${spent.pages} pages, ${changes} changes: ${Math.round(spent.waiting)} ms waiting for pages (fetched while the one before was checked and written), ${Math.round(spent.writing)} ms checking and writing`,
      },
    ]);
    return { changes, cursor };
  } catch (caught) {
    // Pages still in flight settle first (one after a failed page aborts on the cursor check), so the mirror is
    // left at the last whole page; a write that failed is older than any failure of the loop's, so it is the one
    // reported.
    let error = caught;
    for (const write of started.splice(0)) {
      const failure = await write.committed.then(
        () => undefined,
        (failed: unknown) => failed,
      );
      if (failure !== undefined && !(failure instanceof PageOutOfTurn) && error === caught) error = failure;
    }
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
