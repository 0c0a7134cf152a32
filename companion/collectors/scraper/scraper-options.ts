/**
 * tiktok-scraper builds its proxy URL as `http://${proxy}/`, so it wants "host:port" (or "user:pass@host:port");
 * socks URLs it takes as they are.
 */
export const proxyForScraper = (proxy: string | null | undefined): string => {
  if (!proxy) return "";
  if (/^socks[45]:\/\//u.test(proxy)) return proxy;
  const url = new URL(/^[a-z]+:\/\//iu.test(proxy) ? proxy : `http://${proxy}`);
  const auth = url.username ? `${url.username}${url.password ? `:${url.password}` : ""}@` : "";
  return `${auth}${url.host}`;
};

export interface ScraperSettings {
  limit: number | null;
  proxy?: string | null;
  /** Cookie strings such as "sid_tt=...", one picked per request (tiktok-scraper's sessionList). */
  sessionList?: string[];
  /** Accept any TLS certificate: only for the local fake in tests, which Node cannot be told to trust here. */
  insecureTls?: boolean;
}

/** The options tiktok-scraper's hashtagEvent() is given. */
export const scraperOptions = ({ limit, proxy, sessionList, insecureTls }: ScraperSettings) => ({
  number: limit ?? 0,
  proxy: proxyForScraper(proxy),
  sessionList: sessionList ?? [],
  download: false,
  filetype: "na",
  noWaterMark: false,
  ...(insecureTls ? { strictSSL: false } : {}),
});
