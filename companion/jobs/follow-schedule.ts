import { everyToMs } from "../../shared/api/follows.ts";
import type { StoredFollow } from "../store/follows-table.ts";

/** When the follow is next due (epoch ms), or null without a schedule. Never collected: due at once. */
export const nextRunTime = (follow: StoredFollow, lastCollectedAt: string | null): number | null => {
  const everyMs = follow.every === null ? null : everyToMs(follow.every);
  if (everyMs === null) return null;
  // The later of the last collection (by anyone) and the schedule's last queueing, so a job that failed before
  // it recorded a run is not queued again at every tick.
  const times = [lastCollectedAt, follow.lastQueuedAt]
    .filter((time): time is string => time !== null)
    .map((time) => Date.parse(time));
  return times.length === 0 ? Date.parse(follow.createdAt) : Math.max(...times) + everyMs;
};

/**
 * The follows due at `now`, least recently collected first (never collected first of all, then by hashtag),
 * so when TikTok stops a run it is the long-waiting hashtags that got their turn.
 */
export const dueFollows = (
  follows: StoredFollow[],
  lastCollectedAt: (hashtag: string) => string | null,
  now: number,
): StoredFollow[] =>
  follows
    .map((follow) => ({ follow, last: lastCollectedAt(follow.hashtag) }))
    .filter(({ follow, last }) => {
      const next = nextRunTime(follow, last);
      return next !== null && next <= now;
    })
    .sort(
      (a, b) =>
        (a.last ?? "").localeCompare(b.last ?? "") || a.follow.hashtag.localeCompare(b.follow.hashtag),
    )
    .map(({ follow }) => follow);
