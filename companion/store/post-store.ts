import type { HashtagCounts } from "../../shared/analysis/hashtag-frequencies.ts";
import type { CaptureContext } from "../../shared/api/contract.ts";
import type { Post, PostStats } from "../../shared/post/post.ts";
import type { AnalysisQueries } from "./analysis-queries.ts";
import type { EngineTables } from "./engine-tables.ts";
import type { ContextSummary } from "./post-contexts.ts";

/** One collection run of one hashtag by one source. */
export interface CollectionRun {
  id: number;
  hashtag: string;
  source: string;
  startedAt: string;
  finishedAt: string | null;
  postsNew: number;
  postsSeen: number;
  error: string | null;
}

export interface UpsertSummary {
  /** Posts not in the store before. */
  new: number;
  /** Posts already stored (their stats updated, the old stats kept as history). */
  seen: number;
  /** Posts linked to the hashtag by this call (new ones and stored ones seen for it the first time). */
  linked?: number;
}

export interface UpsertOptions {
  runId?: number;
  /** When the posts were seen, for those whose source does not say. */
  seenAt?: string;
}

/**
 * A post as an import's reading thread hands it over (import-thread.ts): what the upsert writes, its blobs packed
 * there. A stored post's merge, rare in an import, rebuilds the Post from `json`.
 */
export interface PackedPost {
  id: string;
  createTime: number | null;
  /** isoTime of its source's collectedAt: when it was observed, if the source says. */
  observedAt: string | null;
  /** Its own hashtags normalised, once each, none empty: its post_tags rows. */
  tags: string[];
  stats: PostStats;
  /** packRaw of its raw's JSON text (raw-codec.ts): it must unpack to JSON that parses to the post's raw. */
  raw: Buffer;
  /** packSlimJson of its slimJson (post-row.ts): the json column. */
  json: Buffer;
}

export interface StoredVideo {
  postId: string;
  hashtag: string;
  /** Relative to the data folder, e.g. "travel/videos/7301234567890123456.mp4". */
  path: string;
  size: number;
  sha256: string;
  downloadedAt: string;
}

export interface HashtagSummary {
  hashtag: string;
  posts: number;
  videos: number;
  lastCollectedAt: string | null;
  lastError: string | null;
}

export interface TimeRange {
  /** Epoch seconds, inclusive, on the post's createTime. */
  since?: number;
  until?: number;
}

/** The database every command and collector goes through. Implementations: companion/store/sqlite-store.ts. */
export interface PostStore {
  readonly dataDir: string;
  close(): void;

  startRun(hashtag: string, source: string): number;
  finishRun(runId: number, result: { postsNew: number; postsSeen: number; error?: string | null }): void;
  runs(hashtag?: string): CollectionRun[];

  /** Upserts by id in one transaction and links every post to the hashtag. */
  upsertPosts(hashtag: string, posts: Post[], options?: UpsertOptions): UpsertSummary;
  /** Streams the posts linked to a hashtag, oldest createTime first. */
  postsForHashtag(hashtag: string, range?: TimeRange): IterableIterator<Post>;
  /**
   * The same posts, each with when it was last seen (what postTimes gives), read in the same queries. With
   * `raw: false` each Post's raw is null, never read nor unpacked: for exports that do not write it (CSV).
   */
  postsForHashtagWithLastSeen(
    hashtag: string,
    range?: TimeRange,
    options?: { raw?: boolean },
  ): IterableIterator<{ post: Post; lastSeen: string }>;
  /** Posts linked to the hashtag (created within `range` when given). */
  countPosts(hashtag: string, range?: TimeRange): number;
  getPost(id: string): Post | undefined;

  hashtags(): HashtagSummary[];
  /** The given hashtags ordered least recently collected first (never collected first of all). */
  leastRecentlyCollected(hashtags: string[]): string[];

  /** Posts of a hashtag whose media is not yet downloaded. */
  postsWithoutVideo(hashtag: string): Post[];
  recordVideo(video: StoredVideo): void;
  videoFor(postId: string): StoredVideo | undefined;
}

/** One observation of a post's counts; a row is kept only when they changed. */
export interface StatsSnapshot {
  seenAt: string;
  stats: PostStats;
}

/** What the CLI and the API need beyond PostStore. Implementation: companion/store/sqlite-store.ts. */
export interface CompanionStore extends PostStore {
  /**
   * Runs `work` in one write transaction: everything it stores is committed together when it resolves, and
   * nothing is when it throws. Waits (busy timeout) while another process is writing.
   */
  atomically<T>(work: () => Promise<T>): Promise<T>;
  /**
   * atomically() for a large write (an import): the aggregate and the sync feed are kept set-based per batch and
   * per transaction instead of by per-row triggers (bulk-writes.ts); what is committed is the same.
   */
  atomicallyInBulk<T>(work: () => Promise<T>): Promise<T>;
  /** upsertPosts for posts packed elsewhere (an import's reading thread): the same rows. */
  upsertPackedPosts(hashtag: string, posts: PackedPost[], options?: UpsertOptions): UpsertSummary;
  /**
   * Upserts posts captured outside tag pages (same merge, stats history and sync feed as upsertPosts) without
   * linking them to a hashtag, and records the context they were captured in.
   */
  upsertCapturedPosts(context: CaptureContext, posts: Post[], options?: UpsertOptions): UpsertSummary;
  /** Every capture context with its post count and first/last capture. */
  captureContexts(): ContextSummary[];
  /** The contexts a post was captured in. */
  contextsOf(postId: string): CaptureContext[];
  /** The posts captured in a context, by id. */
  postsInContext(context: CaptureContext): IterableIterator<Post>;
  /** One page of a hashtag's posts, newest first, undated ones last (for browsing). */
  postsPage(hashtag: string, page: { limit: number; offset: number }): Post[];
  /** Co-occurrence counts over the posts collected for a hashtag, computed in the database. */
  hashtagCounts(hashtag: string, range?: TimeRange): HashtagCounts;
  /** Links already stored posts to a hashtag; ids not stored are returned as missing. */
  linkPosts(
    hashtag: string,
    ids: string[],
    options?: { seenAt?: string },
  ): { linked: number; missing: string[] };
  /** The counts each time they changed, oldest first. */
  statsHistory(postId: string): StatsSnapshot[];
  postTimes(postId: string): { firstSeen: string; lastSeen: string } | undefined;
  /** Every stored post, whatever hashtag. */
  totalPosts(): number;
  schemaVersion(): number;
  /** Jobs, followed hashtags and the sync feed (companion/jobs, the API), on the same connection. */
  readonly engine: EngineTables;
  /** The SQL behind the network, trends and engagement analyses (companion/store/analysis-queries.ts). */
  readonly analysis: AnalysisQueries;
}
