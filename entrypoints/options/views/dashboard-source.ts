import type { HashtagRow, RunRow } from "./dashboard-model.ts";

/** The mirror as the front page sees it at one moment. */
export interface MirrorSnapshot {
  hashtags: HashtagRow[];
  /** Newest first. */
  runs: RunRow[];
  /** Posts whose video the companion has downloaded. */
  videoPostIds: ReadonlySet<string>;
}

/** Where the dashboard reads from: this browser's mirror, never the companion, so it works with that stopped. */
export interface DashboardSource {
  /** Calls `onSnapshot` now and after every change to the mirror; returns a function that stops watching. */
  watch(onSnapshot: (snapshot: MirrorSnapshot) => void, onError: (error: Error) => void): () => void;
  /**
   * Calls `onVersion` with a name for the mirror's state now and whenever it changes. Cheap, unlike a snapshot,
   * so a hashtag's view starts counting without waiting for the front page's numbers.
   */
  watchVersion(onVersion: (version: string) => void, onError: (error: Error) => void): () => void;
}
