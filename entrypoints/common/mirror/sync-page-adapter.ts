import type { Follow } from "../../../shared/api/follows.ts";
import type { SyncPage } from "../../../shared/api/sync.ts";
import type { MirrorFollow } from "./mirror-db.ts";
import type { MirrorPage } from "./sync-mirror.ts";

/**
 * The companion's sync page in the mirror's terms (its posts as they are: a copy of 10k posts a page costs), with
 * its posts' text when it came as the sync stream's lines.
 */
export const toMirrorPage = (page: SyncPage, postTexts?: readonly string[]): MirrorPage => ({
  posts: page.posts,
  ...(postTexts === undefined ? {} : { postTexts }),
  links: page.links,
  videos: page.videos.map((video) => ({ postId: video.postId, hashtag: video.hashtag })),
  runs: page.runs.map(({ source: _source, ...run }) => run),
  nextCursor: page.nextCursor,
  hasMore: page.hasMore,
});

/** A follow as the dashboard shows it: its schedule in words. */
export const toMirrorFollow = (follow: Follow): MirrorFollow => ({
  hashtag: follow.hashtag,
  schedule: follow.every === null ? null : `every ${follow.every}`,
});
