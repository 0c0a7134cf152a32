import { parseHashtag } from "../../../shared/hashtag/hashtag.ts";

/** The dashboard's pages, each with its own address in the URL's hash so deep links and Back work. */
export type Route =
  | { page: "home" }
  /** `coHashtag`: the posts table starts filtered to posts carrying it as well (a network node's link). */
  | { page: "hashtag"; hashtag: string; coHashtag?: string }
  | { page: "network"; hashtag: string }
  | { page: "trends"; hashtag: string }
  /** `postId`: the post whose statistics over time are shown. */
  | { page: "engagement"; hashtag: string; postId?: string }
  | { page: "not-found"; hash: string; reason: string };

export type PageRoute = Exclude<Route, { page: "not-found" }>;

const HASHTAG_PREFIX = "#/hashtag/";
/** The views under a hashtag's address, by their path segment ("" is the hashtag's own page). */
const SUB_PAGES = { "": "hashtag", network: "network", trends: "trends", engagement: "engagement" } as const;
const POST_ID = /^\d{1,20}$/u;

const notFound = (hash: string, reason: string): Route => ({ page: "not-found", hash, reason });

const decode = (text: string): string | null => {
  try {
    return decodeURIComponent(text);
  } catch {
    return null;
  }
};

/**
 * Reads `location.hash`: "" or "#/" is home, "#/hashtag/<tag>" a hashtag's view (the tag percent-encoded),
 * "#/hashtag/<tag>/network|trends|engagement" its analyses; `?with=<tag>` and `?post=<id>` as the views take them.
 */
export const parseRoute = (hash: string): Route => {
  if (hash === "" || hash === "#" || hash === "#/") return { page: "home" };
  if (!hash.startsWith(HASHTAG_PREFIX)) return notFound(hash, "No such page");
  const [path = "", query = ""] = hash.slice(HASHTAG_PREFIX.length).split("?", 2);
  const [encodedTag = "", sub = "", ...rest] = path.split("/");
  const tag = decode(encodedTag);
  if (tag === null) return notFound(hash, "The address is not valid percent-encoding");
  const result = parseHashtag(tag);
  if (!result.ok) return notFound(hash, result.error);
  const page = Object.hasOwn(SUB_PAGES, sub) ? SUB_PAGES[sub as keyof typeof SUB_PAGES] : null;
  if (page === null || rest.length > 0) return notFound(hash, "No such page");
  const hashtag = result.hashtag;
  const params = new URLSearchParams(query);
  if (page === "hashtag") {
    const withTag = params.get("with");
    if (withTag === null || withTag === "") return { page, hashtag };
    const co = parseHashtag(withTag);
    return co.ok ? { page, hashtag, coHashtag: co.hashtag } : notFound(hash, `with: ${co.error}`);
  }
  if (page === "engagement") {
    const postId = params.get("post");
    if (postId === null || postId === "") return { page, hashtag };
    return POST_ID.test(postId) ? { page, hashtag, postId } : notFound(hash, "post: not a TikTok post id");
  }
  return { page, hashtag };
};

/** The address of a page, as parseRoute reads it back. */
export const routeHash = (route: PageRoute): string => {
  if (route.page === "home") return "#/";
  const base = `${HASHTAG_PREFIX}${encodeURIComponent(route.hashtag)}`;
  switch (route.page) {
    case "hashtag":
      return route.coHashtag ? `${base}?with=${encodeURIComponent(route.coHashtag)}` : base;
    case "engagement":
      return route.postId ? `${base}/engagement?post=${route.postId}` : `${base}/engagement`;
    default:
      return `${base}/${route.page}`;
  }
};
