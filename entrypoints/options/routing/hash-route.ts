import { parseHashtag } from "../../../shared/hashtag/hashtag.ts";

/** The dashboard's pages, each with its own address in the URL's hash so deep links and Back work. */
export type Route =
  | { page: "home" }
  | { page: "hashtag"; hashtag: string }
  | { page: "not-found"; hash: string; reason: string };

const HASHTAG_PREFIX = "#/hashtag/";

/** Reads `location.hash`: "" or "#/" is home, "#/hashtag/<tag>" a hashtag's view (the tag percent-encoded). */
export const parseRoute = (hash: string): Route => {
  if (hash === "" || hash === "#" || hash === "#/") return { page: "home" };
  if (!hash.startsWith(HASHTAG_PREFIX)) return { page: "not-found", hash, reason: "No such page" };
  let tag: string;
  try {
    tag = decodeURIComponent(hash.slice(HASHTAG_PREFIX.length));
  } catch {
    return { page: "not-found", hash, reason: "The address is not valid percent-encoding" };
  }
  const result = parseHashtag(tag);
  return result.ok
    ? { page: "hashtag", hashtag: result.hashtag }
    : { page: "not-found", hash, reason: result.error };
};

export const routeHash = (route: { page: "home" } | { page: "hashtag"; hashtag: string }): string =>
  route.page === "home" ? "#/" : `${HASHTAG_PREFIX}${encodeURIComponent(route.hashtag)}`;
