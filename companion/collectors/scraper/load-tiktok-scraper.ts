import type { EventEmitter } from "node:events";

/** The slice of tiktok-scraper 1.4.36 the adapter uses (its own typings mark `request` private). */
export interface TikTokScraperInstance extends EventEmitter {
  scrape(): Promise<unknown>;
  request: ScraperRequest;
}

export interface ScraperRequestOptions {
  uri: string;
  method?: string;
  qs?: Record<string, unknown>;
  json?: boolean;
}

export type ScraperRequest = (options: ScraperRequestOptions, bodyOnly?: boolean) => Promise<unknown>;

export interface TikTokScraperModule {
  hashtagEvent(input: string, options: Record<string, unknown>): TikTokScraperInstance;
}

/**
 * tiktok-scraper is CommonJS and pulls in jsdom; it is imported only when the scraper source is chosen, so the
 * browser source never pays for it.
 */
export const loadTikTokScraper = async (): Promise<TikTokScraperModule> => {
  const imported = (await import("tiktok-scraper")) as unknown as { default?: TikTokScraperModule };
  return imported.default ?? (imported as unknown as TikTokScraperModule);
};
