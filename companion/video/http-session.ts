import type { Dispatcher } from "undici";
import { request } from "undici";
import { type Post, tiktokPostUrl } from "../../shared/post/post.ts";
import type { Politeness } from "../collectors/politeness/politeness.ts";
import { RetryableError, retryableStatus, withRetries } from "../collectors/politeness/with-retries.ts";
import { cookiesFromSetCookie, type SessionCookie } from "./cookie-jar.ts";
import { headerValue } from "./dispatcher.ts";
import { DEFAULT_USER_AGENT, type MediaSession, mediaRequestHeaders } from "./media-session.ts";
import { postFromPageHtml } from "./post-from-page.ts";

export interface HttpSessionOptions {
  dispatcher: Dispatcher;
  politeness: Politeness;
  userAgent?: string;
  signal?: AbortSignal;
  /** Visited first to receive the session cookies (tt_chain_token...), as a browser would. */
  homeUrl?: string;
}

/**
 * A browser-like session made with plain HTTP, for sources that have no browser (tiktok-scraper): it visits
 * TikTok's home page once for the cookies the CDN wants, and re-reads post pages when media URLs expire.
 */
export const openHttpSession = async (options: HttpSessionOptions): Promise<MediaSession> => {
  const userAgent = options.userAgent ?? DEFAULT_USER_AGENT;
  const cookies: SessionCookie[] = [];

  const getPage = (url: string) =>
    withRetries(
      async () => {
        let response: Dispatcher.ResponseData;
        try {
          response = await request(url, {
            dispatcher: options.dispatcher,
            headers: { ...mediaRequestHeaders(url, cookies, userAgent), accept: "text/html" },
            signal: options.signal,
          });
        } catch (error) {
          if (options.signal?.aborted) throw error;
          throw new RetryableError("network", (error as Error).message);
        }
        cookies.push(...cookiesFromSetCookie(url, response.headers["set-cookie"]));
        const retryable = retryableStatus(response.statusCode, headerValue(response.headers, "retry-after"));
        if (retryable) {
          await response.body.dump();
          throw retryable;
        }
        return { status: response.statusCode, html: await response.body.text() };
      },
      { politeness: options.politeness, label: url, signal: options.signal },
    );

  await getPage(options.homeUrl ?? "https://www.tiktok.com/");

  return {
    headersFor: async (url) => mediaRequestHeaders(url, cookies, userAgent),
    refreshPost: async (post: Post) => {
      try {
        const url = tiktokPostUrl(post);
        const { status, html } = await getPage(url);
        return status === 200 ? postFromPageHtml(html, post.id, url) : null;
      } catch {
        return null;
      }
    },
  };
};
