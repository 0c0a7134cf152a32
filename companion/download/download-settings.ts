import ms from "ms";
import { parseTimeRange, positiveInteger } from "../cli/parse-arguments.ts";
import { UserError } from "../cli/user-error.ts";
import type { CollectorName } from "../collectors/collector.ts";

/** The `download` command's options as commander hands them over. */
export interface RawDownloadOptions {
  tags?: string[];
  file?: string;
  posts?: boolean;
  videos?: boolean;
  limit: string;
  source: string;
  since?: string;
  every?: string;
  concurrency: string;
  delay: string;
  proxy?: string;
  headed?: boolean;
  profile?: string;
  browser?: string;
  session?: string[];
}

export interface DownloadSettings {
  posts: boolean;
  videos: boolean;
  limit: number;
  source: CollectorName;
  /** Epoch seconds. */
  since: number | null;
  /** Milliseconds between the starts of two runs; null for a single run. */
  everyMs: number | null;
  concurrency: number;
  /** Average pause between requests. */
  delayMs: number;
  proxy: string | null;
  headed: boolean;
  profileDir: string | null;
  browserPath: string | null;
  sessionList: string[];
}

const MIN_EVERY_MS = 60_000;
const MAX_CONCURRENCY = 16;

const duration = (option: string, input: string): number => {
  const value = /^\s*\d+\s*$/u.test(input) ? Number(input) : ms(input as ms.StringValue);
  if (typeof value !== "number" || !Number.isFinite(value) || value < 0)
    throw new UserError(
      `${option}: cannot read ${JSON.stringify(input)} as a duration (e.g. 500ms, 2s, 6h, 1d)`,
    );
  return value;
};

const proxyUrl = (input: string): string => {
  let url: URL;
  try {
    url = new URL(input);
  } catch {
    throw new UserError(`--proxy: ${JSON.stringify(input)} is not a URL (e.g. http://127.0.0.1:8080)`);
  }
  // What Chromium, tiktok-scraper and undici all understand.
  if (!["http:", "https:", "socks5:"].includes(url.protocol))
    throw new UserError(
      `--proxy: ${url.protocol} proxies are not supported (use http://, https:// or socks5://)`,
    );
  return input;
};

/** Validates everything before anything is collected, so a typo never costs a half-done run. */
export const parseDownloadSettings = (raw: RawDownloadOptions): DownloadSettings => {
  if (raw.source !== "browser" && raw.source !== "scraper")
    throw new UserError(`--source must be browser or scraper, got ${JSON.stringify(raw.source)}`);
  const everyMs = raw.every === undefined ? null : duration("--every", raw.every);
  if (everyMs !== null && everyMs < MIN_EVERY_MS)
    throw new UserError(`--every ${raw.every} is too often: TikTok should be visited at most once a minute`);
  const concurrency = positiveInteger("--concurrency", raw.concurrency);
  if (concurrency > MAX_CONCURRENCY)
    throw new UserError(
      `--concurrency ${concurrency} is impolite: at most ${MAX_CONCURRENCY} downloads at a time`,
    );
  const collectPosts = raw.posts === true || raw.videos !== true;
  return {
    posts: collectPosts,
    videos: raw.videos === true,
    limit: positiveInteger("--limit", raw.limit),
    source: raw.source,
    since: raw.since === undefined ? null : (parseTimeRange(raw.since, undefined).since ?? null),
    everyMs,
    concurrency,
    delayMs: duration("--delay", raw.delay),
    proxy: raw.proxy === undefined ? null : proxyUrl(raw.proxy),
    headed: raw.headed === true,
    profileDir: raw.profile ?? null,
    browserPath: raw.browser ?? null,
    sessionList: raw.session ?? [],
  };
};
