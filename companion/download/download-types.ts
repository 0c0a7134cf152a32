import type { Dispatcher } from "undici";
import type { Progress } from "../cli/progress.ts";
import type { Collector } from "../collectors/collector.ts";
import type { Politeness } from "../collectors/politeness/politeness.ts";
import type { PostStore } from "../store/post-store.ts";
import type { MediaSession } from "../video/media-session.ts";

export interface DownloadRequest {
  hashtags: string[];
  /** -p: collect posts. */
  posts: boolean;
  /** -v: download the media of stored posts that have none yet. */
  videos: boolean;
  limit: number | null;
  /** Epoch seconds. */
  since: number | null;
  proxy: string | null;
  concurrency: number;
}

export interface DownloadDeps {
  store: PostStore;
  collector: Collector;
  /** Opened on first need: the session media requests borrow (cookies, Referer, fresh URLs). */
  openMediaSession: () => Promise<MediaSession>;
  dispatcher: Dispatcher;
  politeness: Politeness;
  /** The seed's lines (stdout). */
  out: (line: string) => void;
  /** Problems that do not stop the run (stderr). */
  warn: (line: string) => void;
  progress: (label: string, total: number | null) => Progress;
  signal?: AbortSignal;
  batchSize?: number;
}

export interface HashtagReport {
  hashtag: string;
  posts: { collected: number; new: number; total: number } | null;
  videos: { downloaded: number; skipped: number; failed: number; total: number } | null;
  errors: string[];
}

export interface DownloadReport {
  startedAt: string;
  finishedAt: string;
  /** In the order they were collected: least recently collected first. */
  hashtags: HashtagReport[];
  /** New posts plus newly downloaded media, the seed's "total entries". */
  totalNew: number;
  ok: boolean;
}
