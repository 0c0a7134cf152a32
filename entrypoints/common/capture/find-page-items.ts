import { fastParseJson } from "../../../shared/json/fast-parse-json.ts";
import { asArray, at } from "../../../shared/post/coerce.ts";
import {
  type FoundItem,
  itemsFromApiResponse,
  itemsFromDataScripts,
  itemsFromSearch,
} from "../../../shared/post/extract-items.ts";
import type { CaptureRequest } from "../messages/extension-messages.ts";

/**
 * Post items in a JSON response TikTok's page fetched: the item-list APIs (tag, profile, For You, related videos:
 * itemList / items) and search (data: [{type: 1, item}]). Other responses (comments, users, settings) give none.
 */
export const itemsInResponse = (json: unknown): FoundItem[] => [
  ...itemsFromApiResponse(json),
  ...itemsFromSearch(asArray(at(json, "data"))),
];

/**
 * The raw items in captured JSON, read exactly (19-digit numbers kept); none when the text is not JSON (a page
 * may be sent a broken body: its own loader copes, capture just finds nothing).
 */
export const itemsInCapture = (request: Pick<CaptureRequest, "source" | "text">): FoundItem[] => {
  let json: unknown;
  try {
    json = fastParseJson(request.text);
  } catch {
    return [];
  }
  return request.source === "response"
    ? itemsInResponse(json)
    : itemsFromDataScripts({ [request.source]: json });
};
