import { describe, expect, it } from "vitest";
import { proxyForScraper, scraperOptions } from "./scraper-options.ts";

describe("proxyForScraper", () => {
  it("gives tiktok-scraper the host:port it wraps in http://.../ itself", () => {
    expect(proxyForScraper("http://127.0.0.1:8080")).toBe("127.0.0.1:8080");
    expect(proxyForScraper("http://user:secret@proxy.example:3128/")).toBe("user:secret@proxy.example:3128");
    expect(proxyForScraper("127.0.0.1:8080")).toBe("127.0.0.1:8080");
  });
  it("passes socks URLs and no proxy through", () => {
    expect(proxyForScraper("socks5://127.0.0.1:1080")).toBe("socks5://127.0.0.1:1080");
    expect(proxyForScraper(null)).toBe("");
  });
});

describe("scraperOptions", () => {
  it("maps the limit to number (0 = no limit) and only relaxes TLS when asked", () => {
    expect(scraperOptions({ limit: 50, proxy: "http://127.0.0.1:9", sessionList: ["sid_tt=1"] })).toEqual({
      number: 50,
      proxy: "127.0.0.1:9",
      sessionList: ["sid_tt=1"],
      download: false,
      filetype: "na",
      noWaterMark: false,
    });
    expect(scraperOptions({ limit: null, insecureTls: true })).toMatchObject({ number: 0, strictSSL: false });
  });
});
