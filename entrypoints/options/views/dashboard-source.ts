import type { HashtagRow, RunRow } from "./dashboard-model.ts";

/** The mirror as the front page sees it at one moment. */
export interface MirrorSnapshot {
  hashtags: HashtagRow[];
  /** Newest first. */
  runs: RunRow[];
  /** Changes whenever posts change, so the hashtag view counts again. */
  version: string;
  /** Posts whose video the companion has downloaded. */
  videoPostIds: ReadonlySet<string>;
}

/** Where the dashboard reads from: this browser's mirror, never the companion, so it works with that stopped. */
export interface DashboardSource {
  /** Calls `onSnapshot` now and after every change to the mirror; returns a function that stops watching. */
  watch(onSnapshot: (snapshot: MirrorSnapshot) => void, onError: (error: Error) => void): () => void;
}
