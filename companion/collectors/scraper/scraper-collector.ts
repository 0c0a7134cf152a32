import type { Dispatcher } from "undici";
import { tagPageUrl } from "../../../shared/hashtag/tag-page-url.ts";
import { parseScraperItem } from "../../../shared/post/parse-scraper-item.ts";
import type { Post } from "../../../shared/post/post.ts";
import { createDispatcher } from "../../video/dispatcher.ts";
import { openHttpSession } from "../../video/http-session.ts";
import type { CollectionError, CollectOptions, Collector } from "../collector.ts";
import { EventQueue } from "../event-queue.ts";
import { type Politeness, withPoliteness } from "../politeness/politeness.ts";
import type { RetryInfo } from "../politeness/with-retries.ts";
import { RunFilter } from "../run-filter.ts";
import { loadTikTokScraper } from "./load-tiktok-scraper.ts";
import { politeRequest } from "./polite-request.ts";
import { scraperOptions } from "./scraper-options.ts";

export interface ScraperCollectorOptions {
  proxy?: string | null;
  /** Cookie strings such as "sid_tt=...", passed on as tiktok-scraper's sessionList. */
  sessionList?: string[];
  politeness?: Partial<Politeness>;
  /** Accept the local fake's self-signed certificate: tests only. */
  insecureTls?: boolean;
  /** For the media session's own requests (home page visit, post pages). */
  dispatcher?: Dispatcher;
  onRetry?: (info: RetryInfo) => void;
}

type ScraperEvent = { kind: "item"; item: unknown } | { kind: "page" };

/** The seed's collector: tiktok-scraper's hashtag feed (m.tiktok.com API), its items read as Posts. */
export const createScraperCollector = (settings: ScraperCollectorOptions = {}): Collector => {
  const politeness = withPoliteness(settings.politeness);

  async function* collect(hashtag: string, options: CollectOptions): AsyncGenerator<Post> {
    const library = await loadTikTokScraper();
    const filter = new RunFilter(hashtag, options);
    const events = new EventQueue<ScraperEvent>();
    let fatal: CollectionError | null = null;
    let finished = false;

    const scraper = library.hashtagEvent(
      hashtag,
      scraperOptions({
        // With --since some items are dropped here, so the count to stop at is ours to keep.
        limit: options.since === null ? options.limit : null,
        proxy: options.proxy ?? settings.proxy,
        sessionList: settings.sessionList,
        insecureTls: settings.insecureTls,
      }),
    );
    scraper.request = politeRequest(scraper.request.bind(scraper), {
      hashtag,
      politeness,
      signal: options.signal,
      stopped: () => finished,
      onItemList: () => events.push({ kind: "page" }),
      onFatal: (error) => {
        fatal ??= error;
      },
      onRetry: settings.onRetry,
    });
    scraper.on("data", (item: unknown) => events.push({ kind: "item", item }));
    scraper.on("error", (error: unknown) => events.close(new Error(String(error))));
    scraper.on("done", () => events.close(fatal ?? undefined));
    scraper.scrape().catch((error: unknown) => events.close(error));

    const source = {
      kind: "tiktok-scraper" as const,
      url: tagPageUrl(hashtag),
    };
    try {
      for await (const event of events) {
        if (event.kind === "page") {
          filter.pageRead();
          continue;
        }
        yield* filter.accept([
          parseScraperItem(event.item, { ...source, collectedAt: new Date().toISOString() }),
        ]);
        if (filter.full) return;
      }
      options.signal?.throwIfAborted();
    } finally {
      finished = true;
    }
  }

  // tiktok-scraper keeps no browser-like session, so media downloads get one of their own.
  const mediaSession = () =>
    openHttpSession({
      dispatcher: settings.dispatcher ?? createDispatcher({ proxy: settings.proxy }),
      politeness,
    });

  return { name: "scraper", collect, mediaSession, close: async () => {} };
};
