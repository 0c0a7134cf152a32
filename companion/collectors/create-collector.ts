import type { Dispatcher } from "undici";
import { BrowserCollector } from "./browser/browser-collector.ts";
import type { Collector, CollectorName } from "./collector.ts";
import type { Politeness } from "./politeness/politeness.ts";
import type { RetryInfo } from "./politeness/with-retries.ts";
import { createScraperCollector } from "./scraper/scraper-collector.ts";

export interface SourceSettings {
  source: CollectorName;
  proxy: string | null;
  politeness: Partial<Politeness>;
  /** Browser source. */
  headed?: boolean;
  profileDir?: string | null;
  browserPath?: string | null;
  extraBrowserArgs?: string[];
  /** Scraper source: session cookies such as "sid_tt=...". */
  sessionList?: string[];
  /** Scraper source, tests only: accept the local fake's certificate. */
  insecureTls?: boolean;
  /** For media requests made outside a browser. */
  dispatcher?: Dispatcher;
  onNotice?: (message: string) => void;
  onRetry?: (info: RetryInfo) => void;
}

/** The collector `--source` names. Adding a source means adding a case here; nothing else changes. */
export const createCollector = (settings: SourceSettings): Collector => {
  switch (settings.source) {
    case "browser":
      return new BrowserCollector({
        browserPath: settings.browserPath,
        headed: settings.headed,
        profileDir: settings.profileDir,
        proxy: settings.proxy,
        extraArgs: settings.extraBrowserArgs,
        politeness: settings.politeness,
        onNotice: settings.onNotice,
        onRetry: settings.onRetry,
      });
    case "scraper":
      return createScraperCollector({
        proxy: settings.proxy,
        sessionList: settings.sessionList,
        politeness: settings.politeness,
        insecureTls: settings.insecureTls,
        dispatcher: settings.dispatcher,
        onRetry: settings.onRetry,
      });
  }
};
