import { asArray, at } from "../../../shared/post/coerce.ts";
import {
  type DataScripts,
  type FoundItem,
  itemsFromApiResponse,
  itemsFromDataScripts,
  itemsFromSearch,
} from "../../../shared/post/extract-items.ts";
import { CAPTURE_WINDOW_MESSAGE, MAX_CAPTURED_ITEMS } from "./capture-constants.ts";

/** What the page-world script posts to the content script (checked there by window-message.ts). */
export interface CaptureWindowPost {
  type: typeof CAPTURE_WINDOW_MESSAGE;
  kind: FoundItem["kind"];
  items: FoundItem["item"][];
}

/**
 * Post items in a JSON response TikTok's page fetched: the item-list APIs (tag, profile, For You, related videos:
 * itemList / items) and search (data: [{type: 1, item}]). Other responses (comments, users, settings) give none.
 */
export const itemsInResponse = (json: unknown): FoundItem[] => [
  ...itemsFromApiResponse(json),
  ...itemsFromSearch(asArray(at(json, "data"))),
];

/** Post items in the data a page embeds on load (__UNIVERSAL_DATA_FOR_REHYDRATION__, SIGI_STATE, __NEXT_DATA__). */
export const itemsInPageData = (scripts: DataScripts): FoundItem[] => itemsFromDataScripts(scripts);

/** Window messages for found items: one per kind, at most MAX_CAPTURED_ITEMS items each. */
export const captureMessages = (found: FoundItem[]): CaptureWindowPost[] => {
  const messages: CaptureWindowPost[] = [];
  for (const kind of new Set(found.map((entry) => entry.kind))) {
    const items = found.filter((entry) => entry.kind === kind).map((entry) => entry.item);
    for (let start = 0; start < items.length; start += MAX_CAPTURED_ITEMS)
      messages.push({
        type: CAPTURE_WINDOW_MESSAGE,
        kind,
        items: items.slice(start, start + MAX_CAPTURED_ITEMS),
      });
  }
  return messages;
};
