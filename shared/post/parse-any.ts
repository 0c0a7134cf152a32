import { asArray, at, isObject, type Json } from "./coerce.ts";
import { describeShape } from "./describe-shape.ts";
import {
  type FoundItem,
  isSearchEntry,
  itemsFromApiResponse,
  itemsFromNextData,
  itemsFromRehydration,
  itemsFromSearch,
  itemsFromSigiState,
} from "./extract-items.ts";
import { describe, parseItemStruct } from "./parse-item-struct.ts";
import { parseAweme, parseLegacyWebItem } from "./parse-legacy-item.ts";
import { isResearchVideo, parseResearchVideo } from "./parse-research-video.ts";
import { parseScraperItem } from "./parse-scraper-item.ts";
import { parseZeeschuimerRecord } from "./parse-zeeschuimer-line.ts";
import type { ParseResult, PostSource } from "./post.ts";

export type RecordKind =
  | "zeeschuimer"
  | "tiktok-scraper"
  | "research-api"
  | "web-api-2020"
  | "aweme"
  | "item-struct";

/** Tells apart the per-post shapes researchers have on disk. */
export const recordKind = (record: Json): RecordKind => {
  if (isObject(record.data) && ("timestamp_collected" in record || "source_platform" in record))
    return "zeeschuimer";
  if ("itemInfos" in record) return "web-api-2020";
  if ("aweme_id" in record) return "aweme";
  if (isResearchVideo(record)) return "research-api";
  if ("authorMeta" in record || "webVideoUrl" in record || ("text" in record && !("desc" in record)))
    return "tiktok-scraper";
  return "item-struct";
};

const noSource = (kind: PostSource["kind"], url: string | null = null): PostSource => ({
  kind,
  url,
  collectedAt: null,
});

/** One post record of any known shape. */
export const parseRecord = (record: unknown, source: Partial<PostSource> = {}): ParseResult => {
  if (!isObject(record)) return { ok: false, reason: `expected a post object, got ${describe(record)}` };
  const base = (kind: PostSource["kind"]): PostSource => ({ ...noSource(kind), ...source, kind });
  switch (recordKind(record)) {
    case "zeeschuimer":
      return parseZeeschuimerRecord(record);
    case "web-api-2020":
      return parseLegacyWebItem(record, base("web-api-2020"));
    case "aweme":
      return parseAweme(record, base("aweme"));
    case "research-api":
      return parseResearchVideo(record, base("research-api"));
    case "tiktok-scraper":
      return parseScraperItem(record, base("tiktok-scraper"));
    case "item-struct":
      return parseItemStruct(record, base(source.kind ?? "posts-json"));
  }
};

export const parseFoundItem = (found: FoundItem, url: string | null, collectedAt: string | null) =>
  parseItemStruct(found.item, { kind: found.kind, url, collectedAt });

/**
 * Keys under which API resellers and wrappers put the TikTok response or its post list, one or two levels
 * down: {data: {itemList}}, {data: {data: [...]}}, {code, data}, Research API's {data: {videos}}.
 */
const ENVELOPE_KEYS = [
  "data",
  "itemList",
  "items",
  "item_list",
  "aweme_list",
  "aweme_detail",
  "videos",
  "body",
] as const;
const MAX_ENVELOPE_DEPTH = 2;

const POST_KEYS = ["id", "desc", "createTime", "author", "stats", "video", "text", "authorMeta"] as const;

const anyOk = (results: ParseResult[]): boolean => results.some((result) => result.ok);

/** A list of records; search responses mix post entries ({type: 1, item}) with users and others, skipped. */
const parseList = (list: unknown[], url: string | null): ParseResult[] => {
  if (list.some(isSearchEntry)) return itemsFromSearch(list).map((item) => parseFoundItem(item, url, null));
  return list.map((record) => parseRecord(record, { url }));
};

/** The posts of a whole-page or whole-response shape, or null when the document is none of them. */
const parseKnownDocument = (document: Json, url: string | null): ParseResult[] | null => {
  const found: FoundItem[] | null =
    "itemList" in document || "items" in document
      ? itemsFromApiResponse(document)
      : "__DEFAULT_SCOPE__" in document
        ? itemsFromRehydration(document)
        : "ItemModule" in document
          ? itemsFromSigiState(document)
          : isObject(at(document, "props", "pageProps")) || "pageProps" in document
            ? itemsFromNextData(document)
            : null;
  if (found !== null && (found.length > 0 || "itemList" in document))
    return found.map((item) => parseFoundItem(item, url, null));
  const legacy = at(document, "body", "itemListData") ?? document.itemListData;
  if (Array.isArray(legacy))
    return legacy.map((entry) => parseLegacyWebItem(entry, noSource("web-api-2020", url)));
  if (Array.isArray(document.collector)) return parseList(asArray(document.collector), url);
  return null;
};

const parseAt = (document: unknown, url: string | null, depth: number): ParseResult[] | null => {
  if (Array.isArray(document)) return parseList(document, url);
  if (!isObject(document)) return null;
  const known = parseKnownDocument(document, url);
  if (known !== null && (anyOk(known) || depth === 0)) return known;
  if (known === null && depth > 0) {
    // A single post inside an envelope ({code, data: {...post}}, yt-dlp's aweme_detail).
    const single = parseRecord(document, { url });
    if (single.ok) return [single];
  }
  if (depth < MAX_ENVELOPE_DEPTH)
    for (const key of ENVELOPE_KEYS) {
      const inner = document[key];
      if (!isObject(inner) && !Array.isArray(inner)) continue;
      const results = parseAt(inner, url, depth + 1);
      if (results !== null && anyOk(results)) return results;
    }
  return known;
};

/**
 * Every post in one parsed JSON document: a list of records, an item_list or search response (also inside a
 * reseller's envelope), rehydration data, SIGI_STATE, __NEXT_DATA__, the 2020 itemListData, a Research API
 * response, tiktok-scraper's {collector: [...]} result, or a single record.
 */
export const parseDocument = (document: unknown, url: string | null = null): ParseResult[] => {
  if (!Array.isArray(document) && !isObject(document))
    return [{ ok: false, reason: `expected JSON posts, got ${describe(document)}` }];
  // A record is read as itself first: a Zeeschuimer record's data is a post, not an envelope around one.
  if (isObject(document) && (recordKind(document) !== "item-struct" || "id" in document))
    return [parseRecord(document, { url })];
  const results = parseAt(document, url, 0);
  if (results !== null && (anyOk(results) || Array.isArray(document) || results.length > 0)) return results;
  // Something with a post's fields is a post missing its id, and is told so.
  if (POST_KEYS.some((key) => key in document)) return [parseRecord(document, { url })];
  return [{ ok: false, reason: `not a post or a known TikTok response: ${describeShape(document)}` }];
};
