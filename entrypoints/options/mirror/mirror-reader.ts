import type { HashtagDay } from "../../common/mirror/hashtag-days.ts";
import type { MirrorTables } from "../../common/mirror/mirror-db.ts";
import { readEntriesLinkedTo } from "../../common/mirror/post-chunks.ts";
import type { CountablePost, DashboardPost } from "../analysis/analyse-hashtag.ts";
import type { PostLoader } from "../analysis/analyser.ts";
import type { HashtagRow, RunRow } from "../views/dashboard-model.ts";

/** The hashtag's day counts (hashtag-days.ts): what its chart and frequency table are added up from. */
export const loadHashtagDays = async (tables: MirrorTables, hashtag: string): Promise<HashtagDay[]> =>
  (await tables.dayCounts.get(hashtag))?.days ?? [];

/** Every hashtag with posts and how many (its day counts add up to the posts collected for it). */
const countPostsByHashtag = async (tables: MirrorTables): Promise<Map<string, number>> => {
  const counts = new Map<string, number>();
  await tables.dayCounts.each((record) => {
    counts.set(record.hashtag, record.posts);
  });
  return counts;
};

/** What counting needs of the posts collected for `hashtag` (a post the mirror only has a link of: undated). */
export const loadCountablePosts = async (tables: MirrorTables, hashtag: string): Promise<CountablePost[]> =>
  (await readEntriesLinkedTo(tables, hashtag)).map((entry) => ({
    id: entry.id,
    createTime: entry.post?.createTime ?? null,
    hashtags: entry.post?.hashtags ?? [],
  }));

/** The posts collected for `hashtag`. */
export const loadHashtagPosts = async (tables: MirrorTables, hashtag: string): Promise<DashboardPost[]> =>
  (await readEntriesLinkedTo(tables, hashtag)).flatMap((entry) => (entry.post === null ? [] : [entry.post]));

const countBy = <T>(items: readonly T[], key: (item: T) => string): Map<string, number> => {
  const counts = new Map<string, number>();
  for (const item of items) counts.set(key(item), (counts.get(key(item)) ?? 0) + 1);
  return counts;
};

/** Every hashtag the mirror knows (followed, collected or run), with its counts and latest run, by name. */
export const readHashtagRows = async (
  tables: MirrorTables,
): Promise<{ hashtags: HashtagRow[]; runs: RunRow[] }> => {
  const [follows, runs, postCounts, videos] = await Promise.all([
    tables.follows.toArray(),
    tables.runs.orderBy("startedAt").reverse().toArray(),
    countPostsByHashtag(tables),
    tables.videos.toArray(),
  ]);
  const posts = postCounts;
  const videoCounts = countBy(videos, (video) => video.hashtag);
  const followed = new Map(follows.map((follow) => [follow.hashtag, follow]));
  const lastRun = new Map<string, RunRow>();
  for (const run of runs) if (!lastRun.has(run.hashtag)) lastRun.set(run.hashtag, run);
  const names = new Set([...followed.keys(), ...posts.keys(), ...lastRun.keys()]);
  const hashtags = [...names].sort().map((hashtag) => ({
    hashtag,
    followed: followed.has(hashtag),
    schedule: followed.get(hashtag)?.schedule ?? null,
    posts: posts.get(hashtag) ?? 0,
    videos: videoCounts.get(hashtag) ?? 0,
    lastRun: lastRun.get(hashtag) ?? null,
  }));
  return { hashtags, runs };
};

export const mirrorLoader = (tables: MirrorTables): PostLoader => ({
  countable: (hashtag) => loadCountablePosts(tables, hashtag),
  posts: (hashtag) => loadHashtagPosts(tables, hashtag),
});
