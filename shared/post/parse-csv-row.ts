import { parseJson } from "../json/parse-json.ts";
import { asBoolean, asCount, asEpochSeconds, asId, asString, epochToIso, type Json } from "./coerce.ts";
import { parseRecord } from "./parse-any.ts";
import { uniqueHashtags } from "./parse-item-struct.ts";
import type { ParseResult, PostSource } from "./post.ts";
import { readPostId } from "./post-id.ts";

/**
 * The CSV dialects other collectors write:
 * - "4cat": 4CAT's TikTok export (datasources/tiktok map_item: id, author, body, timestamp, likes, hashtags...),
 *   which our own `export --format csv` also writes;
 * - "flattened": a JSON post flattened into columns, by tiktok-scraper (json2csv: `authorMeta.name`, arrays as
 *   JSON text) or Apify's TikTok scraper (`authorMeta/name`, `hashtags/0/name`).
 */
export type CsvDialect = "4cat" | "flattened";

/** The dialect a header row speaks, or why it is none we know. */
export const csvDialect = (
  header: string[],
): { ok: true; dialect: CsvDialect } | { ok: false; reason: string } => {
  if (!header.includes("id")) return { ok: false, reason: `it has no "id" column` };
  if (header.includes("body") && (header.includes("tiktok_url") || header.includes("unix_timestamp")))
    return { ok: true, dialect: "4cat" };
  if (
    header.some((column) => /^(authorMeta|musicMeta|videoMeta)[./]/u.test(column)) ||
    header.includes("text")
  )
    return { ok: true, dialect: "flattened" };
  return {
    ok: false,
    reason:
      "its columns are neither 4CAT's (id, body, tiktok_url, ...) nor a flattened tiktok-scraper/Apify post (id, text, authorMeta...)",
  };
};

/** Spreadsheet-safe exports (ours, 4CAT's) put ' before text starting like a formula; it is not the text. */
const unescapeFormula = (cell: string): string => (/^'[=+\-@\t\r]/u.test(cell) ? cell.slice(1) : cell);

const list = (cell: string | undefined): string[] =>
  (cell ?? "")
    .split(",")
    .map((part) => part.trim())
    .filter((part) => part !== "");

const csvSource = (url: string | null): PostSource => ({ kind: "csv", url, collectedAt: null });

/** A 4CAT (or our) CSV row. The id cell is text: a spreadsheet's 7.35E+18 is refused, never rounded. */
const parse4catRow = (row: Record<string, string>): ParseResult => {
  const cell = (column: string): string | null => asString(unescapeFormula(row[column] ?? ""));
  const postId = readPostId(row.id ?? "");
  if (!postId.ok) return postId;
  const createTime =
    asEpochSeconds(cell("unix_timestamp")) ??
    asEpochSeconds(cell("timestamp")?.replace(" ", "T").concat("Z"));
  return {
    ok: true,
    post: {
      id: postId.id,
      description: cell("body") ?? "",
      createTime,
      createTimeISO: epochToIso(createTime),
      author: {
        id: asId(cell("author_id")),
        uniqueId: cell("author"),
        nickname: cell("author_full"),
        verified: null,
        secUid: null,
        followers: asCount(cell("author_followers")),
      },
      hashtags: uniqueHashtags(list(cell("hashtags") ?? undefined)),
      mentions: [],
      stats: {
        plays: asCount(cell("plays")),
        likes: asCount(cell("likes")),
        shares: asCount(cell("shares")),
        comments: asCount(cell("comments")),
        saves: asCount(cell("saves")),
      },
      video: {
        duration: null,
        width: null,
        height: null,
        cover: cell("thumbnail_url"),
        playAddr: cell("video_url"),
        downloadAddr: cell("video_url"),
      },
      music: {
        id: asId(cell("music_id")),
        title: cell("music_name"),
        author: null,
        playUrl: cell("music_url"),
      },
      isAd:
        asBoolean(cell("is_ad") === "yes" ? true : cell("is_ad") === "no" ? false : cell("is_ad")) ?? false,
      locationCreated: cell("location") ?? cell("location_created"),
      images: list(cell("images") ?? undefined),
      source: csvSource(cell("tiktok_url")),
      raw: row,
    },
  };
};

/** A cell of a flattened post: arrays and objects json2csv wrote as JSON text come back as data. */
const flattenedValue = (cell: string): unknown => {
  if (/^\s*[[{]/u.test(cell)) {
    try {
      return parseJson(cell);
    } catch {
      // Text that merely starts with a bracket.
    }
  }
  return cell;
};

/** `authorMeta.name` / `hashtags/0/name` columns back into the nested post they were flattened from. */
export const unflatten = (row: Record<string, string>): Json => {
  const root: Json = Object.create(null);
  for (const [column, cell] of Object.entries(row)) {
    if (cell === "") continue;
    const path = column.split(/[./]/u);
    let node: Record<string, unknown> = root;
    path.forEach((key, index) => {
      if (index === path.length - 1) {
        node[key] = flattenedValue(unescapeFormula(cell));
        return;
      }
      const next = node[key];
      // Plain objects keyed by column names: Object.create(null) keeps a "__proto__" column an ordinary key.
      node[key] = typeof next === "object" && next !== null ? next : Object.create(null);
      node = node[key] as Record<string, unknown>;
    });
  }
  return arraysFromIndexes(root) as Json;
};

/** Objects whose keys are 0..n-1 (from `hashtags/0/name`) become lists. */
const arraysFromIndexes = (value: unknown): unknown => {
  if (typeof value !== "object" || value === null || Array.isArray(value)) return value;
  const entries = Object.entries(value).map(([key, inner]) => [key, arraysFromIndexes(inner)] as const);
  const isList = entries.length > 0 && entries.every(([key], index) => key === String(index));
  if (isList) return entries.map(([, inner]) => inner);
  const object: Json = {};
  for (const [key, inner] of entries)
    Object.defineProperty(object, key, {
      value: inner,
      enumerable: true,
      writable: true,
      configurable: true,
    });
  return object;
};

/** One CSV row (header -> cell) in the given dialect. */
export const parseCsvRow = (row: Record<string, string>, dialect: CsvDialect): ParseResult => {
  if (dialect === "4cat") return parse4catRow(row);
  const record = unflatten(row);
  // The id must be read from the cell's text; a JSON-looking cell is never an id.
  const postId = readPostId(row.id ?? "");
  if (!postId.ok) return postId;
  const result = parseRecord({ ...record, id: postId.id });
  if (!result.ok) return result;
  // raw is the row now, so the source says CSV: exporters must not read it as a tiktok-scraper item.
  return { ok: true, post: { ...result.post, source: csvSource(asString(row.webVideoUrl ?? "")), raw: row } };
};
