import { asArray, at, isObject, type Json } from "./coerce.ts";
import {
  type FoundItem,
  itemsFromApiResponse,
  itemsFromRehydration,
  itemsFromSigiState,
} from "./extract-items.ts";
import { describe, parseItemStruct } from "./parse-item-struct.ts";
import { parseScraperItem } from "./parse-scraper-item.ts";
import { parseZeeschuimerRecord } from "./parse-zeeschuimer-line.ts";
import type { ParseResult, PostSource } from "./post.ts";

export type RecordKind = "zeeschuimer" | "tiktok-scraper" | "item-struct";

/** Tells apart the per-post shapes researchers have on disk. */
export const recordKind = (record: Json): RecordKind => {
  if (isObject(record.data) && ("timestamp_collected" in record || "source_platform" in record))
    return "zeeschuimer";
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
    case "tiktok-scraper":
      return parseScraperItem(record, base("tiktok-scraper"));
    case "item-struct":
      return parseItemStruct(record, base(source.kind ?? "posts-json"));
  }
};

export const parseFoundItem = (found: FoundItem, url: string | null, collectedAt: string | null) =>
  parseItemStruct(found.item, { kind: found.kind, url, collectedAt });

/**
 * Every post in one parsed JSON document: a list of records, an item_list response, rehydration data,
 * SIGI_STATE, tiktok-scraper's {collector: [...]} result, or a single record.
 */
export const parseDocument = (document: unknown, url: string | null = null): ParseResult[] => {
  if (Array.isArray(document)) return document.map((record) => parseRecord(record, { url }));
  if (!isObject(document)) return [{ ok: false, reason: `expected JSON posts, got ${describe(document)}` }];
  const found: FoundItem[] =
    "itemList" in document || "items" in document
      ? itemsFromApiResponse(document)
      : "__DEFAULT_SCOPE__" in document
        ? itemsFromRehydration(document)
        : "ItemModule" in document
          ? itemsFromSigiState(document)
          : [];
  if (found.length > 0 || "itemList" in document) return found.map((item) => parseFoundItem(item, url, null));
  if (Array.isArray(at(document, "collector")))
    return asArray(document.collector).map((record) => parseRecord(record, { url }));
  return [parseRecord(document, { url })];
};
