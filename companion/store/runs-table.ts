import type Database from "better-sqlite3";
import { requireHashtag } from "../../shared/hashtag/hashtag.ts";
import type { CollectionRun } from "./post-store.ts";

/** A row of the runs table as SQLite returns it. */
export interface RunRow {
  id: number;
  hashtag: string;
  source: string;
  started_at: string;
  finished_at: string | null;
  posts_new: number;
  posts_seen: number;
  error: string | null;
}

export const toRun = (row: RunRow): CollectionRun => ({
  id: row.id,
  hashtag: row.hashtag,
  source: row.source,
  startedAt: row.started_at,
  finishedAt: row.finished_at,
  postsNew: row.posts_new,
  postsSeen: row.posts_seen,
  error: row.error,
});

/** The log of collection runs (collectors, imports, the extension). */
export const runsTable = (db: Database.Database) => ({
  startRun(hashtag: string, source: string): number {
    const result = db
      .prepare("INSERT INTO runs (hashtag, source, started_at) VALUES (?, ?, ?)")
      .run(requireHashtag(hashtag), source, new Date().toISOString());
    return Number(result.lastInsertRowid);
  },

  finishRun(runId: number, result: { postsNew: number; postsSeen: number; error?: string | null }): void {
    db.prepare("UPDATE runs SET finished_at = ?, posts_new = ?, posts_seen = ?, error = ? WHERE id = ?").run(
      new Date().toISOString(),
      result.postsNew,
      result.postsSeen,
      result.error ?? null,
      runId,
    );
  },

  runs(hashtag?: string): CollectionRun[] {
    const rows =
      hashtag === undefined
        ? db.prepare<[], RunRow>("SELECT * FROM runs ORDER BY id").all()
        : db.prepare<[string], RunRow>("SELECT * FROM runs WHERE hashtag = ? ORDER BY id").all(hashtag);
    return rows.map(toRun);
  },

  leastRecentlyCollected(hashtags: string[]): string[] {
    const last = db.prepare<[string], { at: string | null }>(
      "SELECT MAX(started_at) AS at FROM runs WHERE hashtag = ?",
    );
    const times = new Map(hashtags.map((hashtag) => [hashtag, last.get(hashtag)?.at ?? ""]));
    const time = (hashtag: string) => times.get(hashtag) ?? "";
    // Array#sort is stable, so hashtags collected at the same time keep the caller's order.
    return [...hashtags].sort((a, b) => (time(a) < time(b) ? -1 : time(a) > time(b) ? 1 : 0));
  },
});
