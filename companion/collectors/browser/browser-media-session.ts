import { type Post, tiktokPostUrl } from "../../../shared/post/post.ts";
import type { SessionCookie } from "../../video/cookie-jar.ts";
import { type MediaSession, mediaRequestHeaders } from "../../video/media-session.ts";
import { postFromPageHtml } from "../../video/post-from-page.ts";
import type { BrowserCollector } from "./browser-collector.ts";
import { navigate } from "./open-tag-page.ts";

const HOME = "https://www.tiktok.com/";

/** Opens a tab, loads `url`, hands over its HTML and always closes the tab. */
const readPage = async (collector: BrowserCollector, url: string): Promise<string> => {
  const page = await collector.newPage();
  try {
    return await navigate(page, url, collector.tagPageContext());
  } finally {
    await page.close().catch(() => {});
  }
};

/**
 * The browser's own session for media downloads: the CDN wants the cookies TikTok gave the browser
 * (tt_chain_token) and a Referer, exactly as when the page plays a video.
 */
export const openBrowserMediaSession = async (collector: BrowserCollector): Promise<MediaSession> => {
  const browser = await collector.launched();
  const userAgent = (await browser.userAgent()).replace("HeadlessChrome", "Chrome");
  const cookies = async (): Promise<SessionCookie[]> =>
    (await browser.cookies()).map(({ name, value, domain, path }) => ({ name, value, domain, path }));
  // Downloading without collecting first: visit TikTok once, as a person would, to get a session.
  if (!(await cookies()).some((cookie) => cookie.domain.endsWith("tiktok.com")))
    await readPage(collector, HOME);

  return {
    headersFor: async (url) => mediaRequestHeaders(url, await cookies(), userAgent),
    refreshPost: async (post: Post) => {
      try {
        const url = tiktokPostUrl(post);
        return postFromPageHtml(await readPage(collector, url), post.id, url);
      } catch {
        return null;
      }
    },
  };
};
