import { parseJson } from "../json/parse-json.ts";
import { asArray, asObject, asString, at, isObject, type Json } from "./coerce.ts";
import type { PostSourceKind } from "./post.ts";

/** A raw item found in a page or response, with how it should be read. */
export interface FoundItem {
  kind: Extract<PostSourceKind, "web-api" | "web-rehydration" | "sigi-state" | "next-data">;
  item: Json;
}

/** Items of an API response: /api/challenge/item_list/ has itemList, some endpoints use items. */
export const itemsFromApiResponse = (response: unknown): FoundItem[] =>
  [...asArray(at(response, "itemList")), ...asArray(at(response, "items"))]
    .filter(isObject)
    .map((item) => ({ kind: "web-api", item }));

const valuesOf = (value: unknown): unknown[] =>
  Array.isArray(value) ? value : isObject(value) ? Object.values(value) : [];

/** Items in __UNIVERSAL_DATA_FOR_REHYDRATION__ (under __DEFAULT_SCOPE__). */
export const itemsFromRehydration = (data: unknown): FoundItem[] => {
  const scope = asObject(at(data, "__DEFAULT_SCOPE__") ?? data);
  const found: unknown[] = [at(scope, "webapp.video-detail", "itemInfo", "itemStruct")];
  found.push(...valuesOf(scope["webapp.updated-items"]));
  found.push(...asArray(at(scope, "webapp.challenge-detail", "itemList")));
  return found
    .filter((item) => isObject(item) && item.id !== undefined)
    .map((item) => ({
      kind: "web-rehydration",
      item: item as Json,
    }));
};

/** Items in the older SIGI_STATE, where ItemModule maps id -> item and author is a plain uniqueId. */
export const itemsFromSigiState = (state: unknown): FoundItem[] => {
  const users = asObject(at(state, "UserModule", "users"));
  const stats = asObject(at(state, "UserModule", "stats"));
  return valuesOf(at(state, "ItemModule"))
    .filter(isObject)
    .map((item) => {
      const uniqueId = asString(item.author);
      const user = uniqueId === null ? {} : asObject(users[uniqueId]);
      // Fill what the item itself lacks from the user module, never overwriting the item.
      const enriched: Json = {
        nickname: user.nickname,
        authorId: user.id,
        authorSecId: user.secUid,
        authorVerified: user.verified,
        authorStats: uniqueId === null ? undefined : stats[uniqueId],
        ...item,
      };
      return { kind: "sigi-state", item: enriched };
    });
};

/**
 * Items in a page's __NEXT_DATA__ (2019-2021): props.pageProps.itemInfo.itemStruct on a video page,
 * props.pageProps.items on profile and tag pages. Accepts the script's JSON or its pageProps.
 */
export const itemsFromNextData = (data: unknown): FoundItem[] => {
  const pageProps = at(data, "props", "pageProps") ?? at(data, "pageProps") ?? data;
  return [at(pageProps, "itemInfo", "itemStruct"), ...asArray(at(pageProps, "items"))]
    .filter(isObject)
    .map((item) => ({ kind: "next-data", item }));
};

/** A search response's entry: {type: 1, item: ItemStruct} is a post; other types are users, lives, ... */
export const isSearchEntry = (entry: unknown): boolean =>
  isObject(entry) && typeof entry.type === "number" && ("item" in entry || "user_list" in entry);

/** The posts of a search response's data list (/api/search/general/full/), skipping the other entry types. */
export const itemsFromSearch = (entries: unknown[]): FoundItem[] =>
  entries
    .filter((entry) => isSearchEntry(entry) && at(entry, "type") === 1 && isObject(at(entry, "item")))
    .map((entry) => ({ kind: "web-api", item: at(entry, "item") as Json }));

export const SCRIPT_IDS = ["__UNIVERSAL_DATA_FOR_REHYDRATION__", "SIGI_STATE", "__NEXT_DATA__"] as const;

/** The JSON of TikTok's data script tags in a page's HTML, by id. */
export const dataScriptsFromHtml = (html: string): Partial<Record<(typeof SCRIPT_IDS)[number], unknown>> => {
  const scripts: Partial<Record<(typeof SCRIPT_IDS)[number], unknown>> = {};
  for (const id of SCRIPT_IDS) {
    const match = new RegExp(`<script[^>]*\\bid=["']${id}["'][^>]*>([\\s\\S]*?)</script>`, "u").exec(html);
    if (!match?.[1]) continue;
    try {
      scripts[id] = parseJson(match[1]);
    } catch {
      // A broken data script is treated as absent; the caller reports when nothing is found.
    }
  }
  return scripts;
};

export type DataScripts = Partial<Record<(typeof SCRIPT_IDS)[number], unknown>>;

/** Every item in a page's parsed data scripts, whichever generation they are. */
export const itemsFromDataScripts = (scripts: DataScripts): FoundItem[] => {
  return [
    ...itemsFromRehydration(scripts.__UNIVERSAL_DATA_FOR_REHYDRATION__),
    ...itemsFromSigiState(scripts.SIGI_STATE),
    ...itemsFromSigiState(at(scripts.__NEXT_DATA__, "props", "pageProps")),
    ...itemsFromNextData(scripts.__NEXT_DATA__),
  ];
};

/** Every item in a TikTok page, whichever generation of data script it carries. */
export const itemsFromHtml = (html: string): FoundItem[] => itemsFromDataScripts(dataScriptsFromHtml(html));
