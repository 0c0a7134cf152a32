import Dexie, { type Table } from "dexie";
import type { CaptureContext } from "../../../shared/api/contract.ts";
import type { Post } from "../../../shared/post/post.ts";
import {
  type DayKey,
  dayCountsOf,
  type HashtagDay,
  type HashtagDayCounts,
  hashtagDaysOf,
} from "./hashtag-days.ts";
import { type ChunkIds, chunksOf, type PostChunk } from "./post-chunks.ts";

/**
 * The extension's one IndexedDB: the background worker fills it from the companion's sync feed, the dashboard
 * (page and counting worker) reads it. No browser extension APIs here, so a Web Worker can import it.
 */
export const MIRROR_DB_NAME = "tiktok-hashtag-analysis";

/** A post without `raw`: everything the CSV export and the posts table need, a fraction of the bytes. */
export type MirrorPost = Omit<Post, "raw">;

/**
 * A post collected for a hashtag (the store's post_hashtags), which is not the same as carrying it: version 4's
 * record of the links table; since version 5 a post's links live with it in its chunk (post-chunks.ts).
 */
export interface MirrorLink {
  hashtag: string;
  postId: string;
  /** Copied from the post so counting reads links only (100k whole posts are too many bytes to count in 1 s). */
  createTime?: number | null;
  tags?: string[];
}

export interface MirrorRun {
  id: number;
  hashtag: string;
  /** ISO 8601. */
  startedAt: string;
  finishedAt: string | null;
  postsNew: number;
  postsSeen: number;
  error: string | null;
}

export interface MirrorFollow {
  hashtag: string;
  /** In words, e.g. "every 6h"; null when collected on demand only. */
  schedule: string | null;
}

export interface MirrorVideo {
  postId: string;
  hashtag: string;
}

/** Small key/value state of the mirror itself. */
export interface MirrorMeta {
  key: MirrorMetaKey;
  value: string | number | null;
}

/**
 * syncCursor: the companion's change sequence the mirror holds everything up to (written in the same transaction
 * as the rows, so a break never skips or repeats a page). lastSyncAt / lastSyncError: for the popup and dashboard.
 * lastSyncStats: where the last whole sync spent its time, in words (for the benchmark and for bug reports).
 */
export type MirrorMetaKey = "syncCursor" | "lastSyncAt" | "lastSyncError" | "lastSyncStats";

/** A post passive capture stored, under the page it was seen on: "#tag", "@user", "search:<term>" or "feed". */
export interface CapturedPost {
  page: string;
  postId: string;
  /** Epoch milliseconds of the latest capture. */
  capturedAt: number;
}

/** A captured post waiting for the companion, raw as the page loaded it; removed once it confirms. */
export interface CaptureQueueEntry {
  /** The hashtag on a tag page; elsewhere the page with a space before it (see capture/store-captured.ts). */
  hashtag: string;
  /** Where it was captured when not on a tag page: sent instead of the hashtag. */
  context?: CaptureContext;
  postId: string;
  item: Record<string, unknown>;
  sourceUrl: string | null;
  /** Epoch milliseconds; the queue is sent oldest first, and an entry captured again is sent again. */
  queuedAt: number;
}

export interface MirrorTables {
  /** Posts with their links, many to a record: read and write them through post-chunks.ts only. */
  chunks: Table<PostChunk, number>;
  chunkIds: Table<ChunkIds, number>;
  runs: Table<MirrorRun, number>;
  follows: Table<MirrorFollow, string>;
  videos: Table<MirrorVideo, string>;
  meta: Table<MirrorMeta, MirrorMetaKey>;
  captured: Table<CapturedPost, [string, string]>;
  captureQueue: Table<CaptureQueueEntry, [string, string]>;
  /** Each hashtag's posts and tag counts per day (hashtag-days.ts), kept by the writers of posts. */
  dayCounts: Table<HashtagDayCounts, string>;
}

export type MirrorDb = Dexie & MirrorTables;

export const MIRROR_DB_VERSION = 5;

/** Declares every schema version (Dexie upgrades an older database in place when it opens). */
export const declareMirrorSchema = (db: Dexie): void => {
  db.version(1).stores({
    posts: "id",
    links: "[hashtag+postId], hashtag, postId",
    runs: "id, hashtag, startedAt",
    follows: "hashtag",
    videos: "postId, hashtag",
  });
  db.version(2)
    .stores({ meta: "key" })
    .upgrade(async (tx) => {
      // Version 1 links lacked createTime/tags; copy them from the posts so counting can use links alone.
      const links = tx.table<MirrorLink, [string, string]>("links");
      const posts = tx.table<MirrorPost, string>("posts");
      const old = await links.toArray();
      const found = await posts.bulkGet(old.map((link) => link.postId));
      await links.bulkPut(
        old.map((link, index) => ({
          ...link,
          createTime: found[index]?.createTime ?? null,
          tags: found[index]?.hashtags ?? [],
        })),
      );
    });
  // Passive capture: what each page kind captured, and the tag-page posts still to send to the companion.
  db.version(3).stores({
    captured: "[page+postId], postId",
    captureQueue: "[hashtag+postId], queuedAt",
  });
  // Each hashtag's posts and tag counts per day, kept by the sync, so the hashtag's view reads a few hundred rows
  // rather than 100k links. Links lose their hashtag and postId indexes: every read goes along the primary key,
  // and in Chromium each index costs a write per link.
  db.version(4)
    .stores({ links: "[hashtag+postId]", hashtagDays: "[hashtag+day]" })
    .upgrade(async (tx) => {
      const links = await tx.table<MirrorLink, [string, string]>("links").toArray();
      await tx.table<HashtagDay, [string, DayKey]>("hashtagDays").bulkPut(hashtagDaysOf(links));
    });
  // Posts and links move into chunks (post-chunks.ts), a hashtag's day rows into one record: Chromium's cost is
  // per record, and 100k posts, their links and day rows took over a minute to write. The counts are unchanged.
  db.version(5)
    .stores({
      posts: null,
      links: null,
      hashtagDays: null,
      chunks: "++seq",
      chunkIds: "seq",
      dayCounts: "hashtag",
    })
    .upgrade(async (tx) => {
      const [posts, links, days] = await Promise.all([
        tx.table<MirrorPost, string>("posts").toArray(),
        tx.table<MirrorLink, [string, string]>("links").toArray(),
        tx.table<HashtagDay, [string, DayKey]>("hashtagDays").toArray(),
      ]);
      await tx.table<HashtagDayCounts, string>("dayCounts").bulkPut(dayCountsOf(days));
      const chunks = tx.table<PostChunk, number>("chunks");
      const chunkIds = tx.table<ChunkIds, number>("chunkIds");
      for (const { chunk, ids } of chunksOf(posts, links)) {
        const seq = await chunks.add(chunk);
        await chunkIds.put({ seq, ids });
      }
    });
};

export const openMirrorDb = (name = MIRROR_DB_NAME): MirrorDb => {
  const db = new Dexie(name) as MirrorDb;
  declareMirrorSchema(db);
  return db;
};
