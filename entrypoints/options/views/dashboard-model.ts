/** What the dashboard's front page shows, read from the mirror; the mirror's own shapes are mapped to these. */

export interface RunRow {
  id: number;
  hashtag: string;
  /** ISO 8601. */
  startedAt: string;
  finishedAt: string | null;
  postsNew: number;
  postsSeen: number;
  error: string | null;
}

export interface HashtagRow {
  hashtag: string;
  /** Followed hashtags are collected on a schedule; others only have posts from earlier runs or imports. */
  followed: boolean;
  /** How often it is collected, in words (e.g. "every 6h"), or null when not scheduled. */
  schedule: string | null;
  posts: number;
  videos: number;
  lastRun: RunRow | null;
}

/** A run's result in plain words. */
export const describeRun = (run: RunRow | null): string => {
  if (run === null) return "never collected";
  if (run.finishedAt === null) return "running";
  if (run.error !== null) return `failed: ${run.error}`;
  return `${run.postsNew} new, ${run.postsSeen} seen`;
};

export const formatInstant = (iso: string | null): string =>
  iso === null ? "–" : new Date(iso).toISOString().slice(0, 16).replace("T", " ");
