import "fake-indexeddb/auto";
import type { HashtagDay } from "../hashtag-days.ts";
import type { MirrorDb, MirrorLink, MirrorPost, MirrorTables } from "../mirror-db.ts";
import { type PostWrite, readNewestEntries, writePosts } from "../post-chunks.ts";

/**
 * For tests: what the mirror holds in the terms of version 4's tables, from the chunks' newest copies: the posts
 * (sorted by id) and the links carrying their post's date and tags (sorted by hashtag, then post id).
 */
export const mirrorContents = async (
  tables: Pick<MirrorTables, "chunks">,
): Promise<{ posts: MirrorPost[]; links: MirrorLink[] }> => {
  const entries = (await readNewestEntries(tables)).sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  const posts = entries.flatMap((entry) => (entry.post === null ? [] : [entry.post]));
  const links = entries
    .flatMap((entry) =>
      entry.linkedTo.map(
        (hashtag): MirrorLink => ({
          hashtag,
          postId: entry.id,
          createTime: entry.post?.createTime ?? null,
          tags: entry.post?.hashtags ?? [],
        }),
      ),
    )
    .sort((a, b) => a.hashtag.localeCompare(b.hashtag));
  return { posts, links };
};

/** For tests: writes posts as a writer of the mirror does, in its own transaction. */
export const storePosts = (db: MirrorDb, writes: readonly PostWrite[]) =>
  db.transaction("rw", [db.chunks, db.chunkIds, db.dayCounts], () => writePosts(db, writes));

/** For tests: every hashtag's day rows, by hashtag then day. */
export const dayRowsOf = async (tables: Pick<MirrorTables, "dayCounts">): Promise<HashtagDay[]> =>
  (await tables.dayCounts.toArray()).flatMap((record) => record.days);
