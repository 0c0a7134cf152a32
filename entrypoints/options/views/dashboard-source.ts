import type { HashtagRow, RunRow } from "./dashboard-model.ts";

/** The mirror as the front page sees it at one moment. */
export interface MirrorSnapshot {
  hashtags: HashtagRow[];
  /** Newest first. */
  runs: RunRow[];
}

/** What a hashtag's view needs to know of the mirror besides the posts themselves. */
export interface PostsState {
  /** Changes whenever the mirror takes in a change, so the view counts again. */
  version: string;
  /** Posts whose video the companion has downloaded. */
  videoPostIds: ReadonlySet<string>;
}

/** Where the dashboard reads from: this browser's mirror, never the companion, so it works with that stopped. */
export interface DashboardSource {
  /** Calls `onSnapshot` now and after every change to the mirror; returns a function that stops watching. */
  watch(onSnapshot: (snapshot: MirrorSnapshot) => void, onError: (error: Error) => void): () => void;
  /**
   * Calls `onState` now and whenever the mirror changes. Cheap, unlike a snapshot (which counts every hashtag's
   * links), so a hashtag's view starts counting at once and its reads do not queue behind the front page's.
   */
  watchPosts(onState: (state: PostsState) => void, onError: (error: Error) => void): () => void;
}
