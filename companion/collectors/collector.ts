import type { Post } from "../../shared/post/post.ts";
import type { MediaSession } from "../video/media-session.ts";

export type CollectorName = "browser" | "scraper";

export interface CollectProgress {
  hashtag: string;
  /** Posts yielded so far. */
  collected: number;
  limit: number | null;
  /** Pages or API responses read so far. */
  pages: number;
}

export interface CollectOptions {
  /** Stop after this many posts; null for no limit. */
  limit: number | null;
  /** Skip posts created before this instant (epoch seconds). */
  since: number | null;
  signal?: AbortSignal;
  proxy?: string | null;
  onProgress?: (progress: CollectProgress) => void;
}

/**
 * A source of posts. Adding a source means adding one of these; storage and analysis never change.
 * Errors are CollectionError; posts yielded before an error are the caller's to keep.
 */
export interface Collector {
  readonly name: CollectorName;
  collect(hashtag: string, options: CollectOptions): AsyncIterable<Post>;
  /**
   * The browser-like session media downloads borrow: the cookies the CDN wants and a way to re-read a post's
   * page when its media URL has expired.
   */
  mediaSession?(): Promise<MediaSession>;
  close(): Promise<void>;
}

export type CollectionErrorKind =
  | "captcha"
  | "rate-limited"
  | "blocked"
  | "network"
  | "not-found"
  | "bad-response";

export class CollectionError extends Error {
  constructor(
    readonly kind: CollectionErrorKind,
    message: string,
  ) {
    super(message);
    this.name = "CollectionError";
  }
}
