import { CaptureContext } from "../../../shared/api/contract.ts";
import { hashtagFromUrl } from "../../../shared/hashtag/tag-page-url.ts";

/** Where captured posts belong: a tag page's hashtag, else the page's kind. */
export interface CapturePage {
  /** "#tag", "@user", "search:<term>" or "feed": the key captured posts are kept under in the extension. */
  page: string;
  /** The hashtag on a tag page: its posts are linked to it and sent to the companion under it. */
  hashtag: string | null;
  /**
   * Elsewhere, where the companion keeps the posts (validated as it validates it); null on a tag page, and on a
   * page whose name the companion would refuse (its posts then stay in the extension only).
   */
  context: CaptureContext | null;
  url: string;
}

/** The capture page of a tab's address; null for anything but https://www.tiktok.com (capture runs nowhere else). */
export const capturePage = (url: string | undefined): CapturePage | null => {
  if (url === undefined) return null;
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return null;
  }
  if (parsed.protocol !== "https:" || parsed.hostname !== "www.tiktok.com") return null;
  const hashtag = hashtagFromUrl(url);
  if (hashtag !== null) return { page: `#${hashtag}`, hashtag, context: null, url };
  const user = /^\/@([^/]+)/u.exec(parsed.pathname)?.[1];
  if (user !== undefined) {
    const name = safeDecode(user);
    return { page: `@${name}`, hashtag: null, context: context({ kind: "profile", value: name }), url };
  }
  const term = parsed.searchParams.get("q");
  if (parsed.pathname.startsWith("/search") && term !== null && term.trim() !== "")
    return {
      page: `search:${term.trim()}`,
      hashtag: null,
      context: context({ kind: "search", value: term }),
      url,
    };
  return { page: "feed", hashtag: null, context: { kind: "feed", value: "" }, url };
};

const context = (candidate: CaptureContext): CaptureContext | null => {
  const result = CaptureContext.safeParse(candidate);
  return result.success ? result.data : null;
};

const safeDecode = (text: string): string => {
  try {
    return decodeURIComponent(text);
  } catch {
    return text;
  }
};
