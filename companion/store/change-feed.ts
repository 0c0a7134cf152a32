import type Database from "better-sqlite3";
import type { SlimPost, SyncPage } from "../../shared/api/sync.ts";
import { slimJsonOf } from "./post-row.ts";
import { type RunRow, toRun } from "./runs-table.ts";

interface ChangeRow {
  seq: number;
  kind: string;
  key: string;
}

/** A page with its posts as JSON text, without `raw`. */
type StoredPage = Omit<SyncPage, "posts"> & { posts: string[] };

/**
 * A post's json column as text without `raw`: since the raw column migration it holds none (post-row.ts
 * slimJson), so its text is sent as it is, unpacked when packed; a TEXT column still holding it (a database read
 * before migrating) is stripped. A `"raw":` key can only be the post's own, since quotes inside JSON strings are
 * escaped.
 */
const slimText = (column: string | Uint8Array): string => {
  if (typeof column !== "string") return slimJsonOf(column);
  const json = column;
  if (!json.includes('"raw":')) return json;
  const { raw: _raw, ...slim } = JSON.parse(json) as Record<string, unknown>;
  return JSON.stringify(slim);
};

const NON_ASCII = /[\u0080-\uffff]/;
const EVERY_NON_ASCII = /[\u0080-\uffff]/g;

/**
 * JSON text with every character beyond ASCII written as JSON's \u escape (each half of a surrogate pair on its
 * own, as JSON allows): the same value, but one byte a character. The sync stream sends its lines so, since the
 * browser decodes and parses 13 MB a page, and ASCII is decoded to a one-byte string at a fraction of the cost.
 * Outside strings JSON holds only ASCII, so every character replaced is inside one.
 */
export const asciiJson = (json: string): string =>
  NON_ASCII.test(json)
    ? json.replace(EVERY_NON_ASCII, (char) => `\\u${char.charCodeAt(0).toString(16).padStart(4, "0")}`)
    : json;

const placeholders = (count: number): string => Array.from({ length: count }, () => "?").join(", ");

/** Reads the change sequence the triggers of schema migration 2 keep (see companion/store/schema.ts). */
export const changeFeed = (db: Database.Database) => {
  const changesAfter = db.prepare<[number, number], ChangeRow>(
    "SELECT seq, kind, key FROM changes WHERE seq > ? ORDER BY seq LIMIT ?",
  );

  /**
   * The page after `cursor`, read in one transaction so posts, links and runs agree with the sequence even
   * while a writer (this process or another) is storing more.
   */
  const page = db.transaction((cursor: number, limit: number): StoredPage => {
    const rows = changesAfter.all(cursor, limit + 1);
    const hasMore = rows.length > limit;
    const changes = rows.slice(0, limit);
    const postIds = changes.filter((row) => row.kind === "post").map((row) => row.key);
    const runIds = changes.filter((row) => row.kind === "run").map((row) => Number(row.key));
    const result: StoredPage = {
      posts: [],
      links: [],
      videos: [],
      runs: [],
      nextCursor: String(changes.at(-1)?.seq ?? cursor),
      hasMore,
    };
    if (postIds.length > 0) {
      const inList = placeholders(postIds.length);
      const byId = new Map(
        db
          .prepare<string[], { id: string; json: string | Uint8Array }>(
            `SELECT id, json FROM posts WHERE id IN (${inList})`,
          )
          .all(...postIds)
          .map((row) => [row.id, row.json]),
      );
      for (const id of postIds) {
        const json = byId.get(id);
        if (json !== undefined) result.posts.push(slimText(json));
      }
      result.links = db
        .prepare<string[], { hashtag: string; postId: string }>(
          `SELECT hashtag, post_id AS postId FROM post_hashtags WHERE post_id IN (${inList}) ORDER BY post_id, hashtag`,
        )
        .all(...postIds);
      result.videos = db
        .prepare<string[], SyncPage["videos"][number]>(
          `SELECT post_id AS postId, hashtag, size, downloaded_at AS downloadedAt FROM videos
           WHERE post_id IN (${inList}) ORDER BY post_id`,
        )
        .all(...postIds);
    }
    if (runIds.length > 0)
      result.runs = db
        .prepare<number[], RunRow>(
          `SELECT * FROM runs WHERE id IN (${placeholders(runIds.length)}) ORDER BY id`,
        )
        .all(...runIds)
        .map(toRun);
    return result;
  });

  return {
    /** Changes after `cursor` (a seq from an earlier page, 0 for everything), at most `limit` of them. */
    changesSince(cursor: number, limit: number): SyncPage {
      const { posts, ...rest } = page(cursor, limit);
      return { posts: posts.map((json) => JSON.parse(json) as SlimPost), ...rest };
    },
    /**
     * The same page as JSON text, the posts spliced in as stored: the sync route sends 10k posts a page, and
     * parsing them only to serialise them again took most of its time.
     */
    changesSinceText(cursor: number, limit: number): string {
      const { posts, ...rest } = page(cursor, limit);
      return `{"posts":[${posts.join(",")}],${JSON.stringify(rest).slice(1)}`;
    },
    /**
     * The same page as lines of the sync stream (shared/api/sync-stream.ts): its head, then each post's stored
     * JSON on a line of its own, with the cursor and whether more follow for the route to go on.
     */
    changesSinceLines(cursor: number, limit: number): { text: string; nextCursor: number; hasMore: boolean } {
      const { posts, ...rest } = page(cursor, limit);
      // JSON.stringify writes no line break outside a string (inside one it is escaped); a column written some
      // other way is written again so each post stays one line.
      const lines = posts.map((json) =>
        asciiJson(json.includes("\n") ? JSON.stringify(JSON.parse(json)) : json),
      );
      const head = asciiJson(JSON.stringify({ ...rest, posts: posts.length }));
      return {
        text: posts.length === 0 ? `${head}\n` : `${head}\n${lines.join("\n")}\n`,
        nextCursor: Number(rest.nextCursor),
        hasMore: rest.hasMore,
      };
    },
    /** The latest seq: where a client that already has everything stands. */
    latestCursor(): number {
      return db.prepare<[], { seq: number | null }>("SELECT MAX(seq) AS seq FROM changes").get()?.seq ?? 0;
    },
  };
};

export type ChangeFeed = ReturnType<typeof changeFeed>;
