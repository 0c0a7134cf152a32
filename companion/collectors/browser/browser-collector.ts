import type { Browser, Page } from "puppeteer-core";
import type { Post } from "../../../shared/post/post.ts";
import type { MediaSession } from "../../video/media-session.ts";
import type { CollectOptions, Collector } from "../collector.ts";
import { type Politeness, withPoliteness } from "../politeness/politeness.ts";
import type { RetryInfo } from "../politeness/with-retries.ts";
import { RunFilter } from "../run-filter.ts";
import { openBrowserMediaSession } from "./browser-media-session.ts";
import type { CaptchaSettings } from "./captcha-wait.ts";
import { findBrowser } from "./find-browser.ts";
import { watchItemList } from "./item-list-events.ts";
import { launchBrowser } from "./launch-browser.ts";
import { openTagPage, type TagPageContext } from "./open-tag-page.ts";
import { scrollForPosts } from "./scroll-for-posts.ts";

export interface BrowserCollectorOptions {
  /** The CLI's --browser PATH; otherwise PUPPETEER_EXECUTABLE_PATH or a usual install. */
  browserPath?: string | null;
  /** Show the window, so a person can solve a captcha. */
  headed?: boolean;
  /** Persistent Chromium profile (cookies, a logged-in session) carried over between runs. */
  profileDir?: string | null;
  proxy?: string | null;
  /** More Chromium flags: tests pass the fake's; production none. */
  extraArgs?: string[];
  politeness?: Partial<Politeness>;
  /** Scrolls in a row that bring no new post before the run ends (the tag is exhausted or stuck). */
  maxIdleScrolls?: number;
  /** How long to wait after a scroll for the page to ask for more. */
  settleMs?: number;
  /** How long an item_list request may take before it counts as failed. */
  responseTimeoutMs?: number;
  captchaTimeoutMs?: number;
  onNotice?: (message: string) => void;
  onRetry?: (info: RetryInfo) => void;
}

const DEFAULTS = {
  maxIdleScrolls: 5,
  settleMs: 1500,
  responseTimeoutMs: 60_000,
  captchaTimeoutMs: 5 * 60_000,
};

/**
 * Collects the way a person browses: a real Chromium opens www.tiktok.com/tag/<name>, scrolls with the
 * wheel, and the posts are read from the page's own rehydration data and item_list responses, never from
 * requests the page would not make itself.
 */
export class BrowserCollector implements Collector {
  readonly name = "browser" as const;
  private readonly settings: BrowserCollectorOptions & typeof DEFAULTS;
  private readonly politeness: Politeness;
  private browser: Promise<Browser> | null = null;

  constructor(options: BrowserCollectorOptions = {}) {
    this.settings = { ...DEFAULTS, ...options };
    this.politeness = withPoliteness(options.politeness);
  }

  /** Launched on first use and shared by every hashtag of the run. */
  launched(): Promise<Browser> {
    this.browser ??= launchBrowser({
      executablePath: findBrowser({ explicit: this.settings.browserPath }),
      headed: this.settings.headed ?? false,
      profileDir: this.settings.profileDir,
      proxy: this.settings.proxy,
      extraArgs: this.settings.extraArgs,
    });
    return this.browser;
  }

  /** A tab that does not announce itself as headless. */
  async newPage(): Promise<Page> {
    const browser = await this.launched();
    const page = await browser.newPage();
    await page.setUserAgent((await browser.userAgent()).replace("HeadlessChrome", "Chrome"));
    return page;
  }

  private captchaSettings(): CaptchaSettings {
    return {
      headed: this.settings.headed ?? false,
      timeoutMs: this.settings.captchaTimeoutMs,
      onNotice: this.settings.onNotice,
    };
  }

  tagPageContext(signal?: AbortSignal): TagPageContext {
    return {
      politeness: this.politeness,
      captcha: this.captchaSettings(),
      navigationTimeoutMs: this.settings.responseTimeoutMs,
      signal,
    };
  }

  async *collect(hashtag: string, options: CollectOptions): AsyncGenerator<Post> {
    const { signal } = options;
    const filter = new RunFilter(hashtag, options);
    const page = await this.newPage();
    const watch = watchItemList(page);
    // Waiting on the page must not outlast a stop request.
    const onAbort = () => watch.events.close();
    signal?.addEventListener("abort", onAbort, { once: true });
    try {
      const first = await openTagPage(page, hashtag, this.tagPageContext(signal));
      filter.pageRead();
      yield* filter.accept(first);
      yield* scrollForPosts(page, watch, filter, {
        hashtag,
        politeness: this.politeness,
        captcha: this.captchaSettings(),
        maxIdleScrolls: this.settings.maxIdleScrolls,
        settleMs: this.settings.settleMs,
        responseTimeoutMs: this.settings.responseTimeoutMs,
        onRetry: this.settings.onRetry,
        signal,
      });
    } finally {
      signal?.removeEventListener("abort", onAbort);
      watch.detach();
      await page.close().catch(() => {});
    }
  }

  /** Media downloads borrow this browser's session: its cookies, and its tabs to re-read expired posts. */
  async mediaSession(): Promise<MediaSession> {
    return openBrowserMediaSession(this);
  }

  async close(): Promise<void> {
    const browser = this.browser;
    this.browser = null;
    if (browser) await (await browser.catch(() => null))?.close();
  }
}
