import { isObject } from "./coerce.ts";

/** The shapes parseDocument/parseRecord read, by the keys that mark them, to name the nearest to a stranger. */
const KNOWN_SHAPES: { name: string; keys: string[] }[] = [
  { name: "an item_list API response (itemList)", keys: ["itemList", "hasMore", "cursor", "statusCode"] },
  { name: "page rehydration data (__DEFAULT_SCOPE__)", keys: ["__DEFAULT_SCOPE__"] },
  { name: "a SIGI_STATE page state (ItemModule)", keys: ["ItemModule", "UserModule", "ItemList"] },
  { name: "a __NEXT_DATA__ page state (props.pageProps)", keys: ["props", "page", "query", "buildId"] },
  { name: "the 2020 web API (body.itemListData)", keys: ["statusCode", "body", "itemListData"] },
  { name: "a search response (data: [{type, item}])", keys: ["data", "status_code", "has_more", "cursor"] },
  {
    name: "a Research API response (data.videos)",
    keys: ["data", "error", "videos", "search_id", "has_more"],
  },
  { name: "tiktok-scraper's result ({collector})", keys: ["collector", "headers"] },
  { name: "a web ItemStruct post", keys: ["id", "desc", "createTime", "author", "stats", "video", "music"] },
  { name: "a tiktok-scraper post", keys: ["id", "text", "authorMeta", "musicMeta", "webVideoUrl"] },
  {
    name: "a Zeeschuimer record",
    keys: ["data", "timestamp_collected", "source_platform", "source_platform_url"],
  },
  {
    name: "a Research API video",
    keys: ["id", "video_description", "create_time", "username", "hashtag_names"],
  },
  { name: "a 2020 itemListData entry", keys: ["itemInfos", "authorInfos", "musicInfos"] },
  { name: "a mobile API aweme", keys: ["aweme_id", "desc", "statistics", "author", "video"] },
];

const MAX_KEYS_SHOWN = 8;

const listKeys = (keys: string[]): string => {
  const shown = keys.slice(0, MAX_KEYS_SHOWN).map((key) => JSON.stringify(key));
  return keys.length > MAX_KEYS_SHOWN
    ? `${shown.join(", ")} and ${keys.length - MAX_KEYS_SHOWN} more`
    : shown.join(", ");
};

const closest = (keys: string[]): string => {
  let best: { name: string; shared: string[] } | null = null;
  for (const shape of KNOWN_SHAPES) {
    const shared = shape.keys.filter((key) => keys.includes(key));
    if (shared.length > 0 && (best === null || shared.length > best.shared.length))
      best = { name: shape.name, shared };
  }
  return best === null
    ? "it matches none of the known shapes"
    : `closest known shape: ${best.name}, sharing ${listKeys(best.shared)}`;
};

/**
 * What a JSON value that gave no post looks like, for the error that says so: its top-level keys (or its
 * first element's) and the known shape it is closest to.
 */
export const describeShape = (value: unknown): string => {
  if (Array.isArray(value)) {
    if (value.length === 0) return "an empty list";
    const first = value[0];
    return isObject(first)
      ? `a list of ${value.length} whose first element has the keys ${listKeys(Object.keys(first))} (${closest(Object.keys(first))})`
      : `a list of ${value.length} whose first element is ${first === null ? "null" : typeof first}`;
  }
  if (!isObject(value)) return value === null ? "null" : `a ${typeof value}`;
  const keys = Object.keys(value);
  if (keys.length === 0) return "an empty object";
  return `an object with the keys ${listKeys(keys)} (${closest(keys)})`;
};
