import { isAbsolute } from "node:path";
import type Database from "better-sqlite3";
import { requireHashtag } from "../../shared/hashtag/hashtag.ts";
import type { Post } from "../../shared/post/post.ts";
import { assertInside } from "./paths.ts";
import { postFromRow, type StoredPostRow } from "./post-row.ts";
import type { StoredVideo } from "./post-store.ts";

interface VideoRow {
  post_id: string;
  hashtag: string;
  path: string;
  size: number;
  sha256: string;
  downloaded_at: string;
}

const toVideo = (row: VideoRow): StoredVideo => ({
  postId: row.post_id,
  hashtag: row.hashtag,
  path: row.path,
  size: row.size,
  sha256: row.sha256,
  downloadedAt: row.downloaded_at,
});

/** Downloaded videos: files under the data folder, with their size and sha256. */
export const videosTable = (db: Database.Database, dataDir: string) => ({
  postsWithoutVideo(hashtag: string): Post[] {
    return db
      .prepare<[string], StoredPostRow>(
        `SELECT p.json, p.raw FROM post_hashtags h JOIN posts p ON p.id = h.post_id
         LEFT JOIN videos v ON v.post_id = h.post_id
         WHERE h.hashtag = ? AND v.post_id IS NULL ORDER BY h.sort_time, h.post_id`,
      )
      .all(hashtag)
      .map(postFromRow);
  },

  recordVideo(video: StoredVideo): void {
    if (isAbsolute(video.path))
      throw new Error(`Video path must be relative to the data folder: ${video.path}`);
    assertInside(dataDir, video.path);
    if (!db.prepare("SELECT 1 FROM posts WHERE id = ?").get(video.postId))
      throw new Error(`Cannot record a video for post ${video.postId}: it is not stored`);
    db.prepare(
      `INSERT INTO videos (post_id, hashtag, path, size, sha256, downloaded_at) VALUES (?, ?, ?, ?, ?, ?)
       ON CONFLICT (post_id) DO UPDATE SET hashtag = excluded.hashtag, path = excluded.path,
         size = excluded.size, sha256 = excluded.sha256, downloaded_at = excluded.downloaded_at`,
    ).run(
      video.postId,
      requireHashtag(video.hashtag),
      video.path,
      video.size,
      video.sha256,
      video.downloadedAt,
    );
  },

  videoFor(postId: string): StoredVideo | undefined {
    const row = db.prepare<[string], VideoRow>("SELECT * FROM videos WHERE post_id = ?").get(postId);
    return row && toVideo(row);
  },
});
