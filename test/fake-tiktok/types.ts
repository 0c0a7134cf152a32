import type { ItemStruct } from "./item-struct.ts";

export interface FakeTikTokOptions {
  /** Default 1. */
  seed?: number;
  /** Hashtag -> number of posts, e.g. { travel: 120, 東京: 35 }. Names are normalised like TikTok's. */
  tags?: Record<string, number>;
  /** Items per item_list page when the client does not ask for fewer (default 30, at most 35). */
  pageSize?: number;
  /** HTTPS port, 0 (default) = ephemeral. */
  port?: number;
  /** CONNECT proxy port, 0 (default) = ephemeral. */
  proxyPort?: number;
  /** mp4 sizes in bytes; default 20-120 KB so tests stay fast. */
  videoBytes?: { min: number; max: number };
  /**
   * Ids served instead of those of the first tag's first posts (a hostile or broken server), e.g.
   * "../../../../tmp/x"; their media URLs stay the real ones. Default none.
   */
  hostileIds?: string[];
}

export type Fault =
  /** 429 with Retry-After in seconds. */
  | { kind: "rate-limit"; retryAfter: number }
  /** TikTok's verify page (HTML routes) or verify JSON (API routes); see markers.ts. */
  | { kind: "captcha" }
  /** A JSON body cut off half way. */
  | { kind: "malformed-json" }
  /** itemList [] with hasMore true and the cursor the client sent. */
  | { kind: "empty-page" }
  /** The real page with odd entries mixed into itemList (pages/odd-items.ts): what a client must refuse. */
  | { kind: "odd-items" }
  /** The normal response, after a delay. */
  | { kind: "slow"; ms: number }
  /** Headers and the first afterBytes of the body, then the socket is destroyed. */
  | { kind: "cut-video"; afterBytes: number };

export interface FaultRule {
  /** Only requests to this host (www.tiktok.com also matches requests made to the origin's 127.0.0.1). */
  host?: string;
  /** A string matches when the request path (with its query) contains it. */
  path: string | RegExp;
  /** How many matching requests get the fault: default 1, Infinity allowed. */
  times?: number;
  fault: Fault;
}

export interface RequestRecord {
  method: string;
  /** The Host header's name, lower case, without port. */
  host: string;
  /** Path with query, as requested. */
  path: string;
  status: number;
  headers: Record<string, string | string[] | undefined>;
}

export interface CorpusTag {
  name: string;
  challengeId: string;
  postCount: number;
}

/** The fake serves the very objects a Corpus returns: treat them as read-only. */
export interface Corpus {
  seed: number;
  tags(): CorpusTag[];
  /** All posts of a tag, in the order the API pages them. Deterministic from seed + tags. */
  posts(tag: string): ItemStruct[];
  post(id: string): ItemStruct | undefined;
  /** Size in bytes of the post's mp4; throws for unknown ids and image galleries (they have no video). */
  videoSize(id: string): number;
  /** The post's mp4 bytes, or the part from start (inclusive) to end (exclusive), like Buffer.subarray. */
  videoBytes(id: string, start?: number, end?: number): Buffer;
}

export interface FakeTikTok {
  /** https://127.0.0.1:PORT; requests to it are served as www.tiktok.com. */
  origin: string;
  port: number;
  /** http://127.0.0.1:PROXYPORT: an HTTP CONNECT proxy tunnelling any host:443 to the fake. */
  proxyUrl: string;
  /** Flags that make Chromium resolve every TikTok host to the fake and accept its certificate. */
  chromiumArgs: string[];
  /** PEM of the self-signed certificate, for Node clients to trust it. */
  caCertificate: string;
  corpus: Corpus;
  addFault(rule: FaultRule): void;
  clearFaults(): void;
  /** Clears the faults and the request log, so each test starts from a quiet fake. */
  reset(): void;
  /** Every request served (control requests excluded), appended as responses finish. */
  requests: RequestRecord[];
  close(): Promise<void>;
}
