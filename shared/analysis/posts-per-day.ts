import type { Post } from "../post/post.ts";

export interface DayCount {
  /** UTC day, YYYY-MM-DD. */
  day: string;
  posts: number;
}

export interface PostsPerDay {
  /** Every day from the first to the last post, empty days included, oldest first. */
  days: DayCount[];
  /** Posts whose creation time is unknown. */
  undated: number;
}

const DAY_SECONDS = 86_400;

const dayOf = (epochSeconds: number): string => new Date(epochSeconds * 1000).toISOString().slice(0, 10);

/** How many posts were created each day: the time series of a hashtag's activity. */
export const postsPerDay = (posts: Iterable<Pick<Post, "id" | "createTime">>): PostsPerDay => {
  const perDay = new Map<number, number>();
  const seen = new Set<string>();
  let undated = 0;
  for (const post of posts) {
    if (seen.has(post.id)) continue;
    seen.add(post.id);
    if (post.createTime === null) {
      undated++;
      continue;
    }
    const day = Math.floor(post.createTime / DAY_SECONDS);
    perDay.set(day, (perDay.get(day) ?? 0) + 1);
  }
  if (perDay.size === 0) return { days: [], undated };
  // A reduce rather than Math.min(...keys): spreading years of days would overflow the argument stack.
  const keys = [...perDay.keys()];
  const first = keys.reduce((min, day) => Math.min(min, day));
  const last = keys.reduce((max, day) => Math.max(max, day));
  const days: DayCount[] = [];
  for (let day = first; day <= last; day++) {
    days.push({ day: dayOf(day * DAY_SECONDS), posts: perDay.get(day) ?? 0 });
  }
  return { days, undated };
};
