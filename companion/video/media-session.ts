import type { Post } from "../../shared/post/post.ts";
import { cookieHeaderFor, type SessionCookie } from "./cookie-jar.ts";

/** What the CDN checks before serving media: a TikTok session, as the page that showed the post had it. */
export interface MediaSession {
  /** Headers a browser would send for this media URL: Referer, the session's cookies, User-Agent. */
  headersFor(url: string): Promise<Record<string, string>>;
  /** Re-reads the post's own page for fresh media URLs (they expire); null when that is not possible. */
  refreshPost(post: Post): Promise<Post | null>;
}

export const DEFAULT_USER_AGENT =
  "Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Safari/537.36";

export const mediaRequestHeaders = (
  url: string,
  cookies: readonly SessionCookie[],
  userAgent: string,
): Record<string, string> => {
  const cookie = cookieHeaderFor(url, cookies);
  return {
    referer: "https://www.tiktok.com/",
    "user-agent": userAgent,
    accept: "*/*",
    ...(cookie ? { cookie } : {}),
  };
};
