import { describe, expect, it } from "vitest";
import { parseDownloadSettings, type RawDownloadOptions } from "./download-settings.ts";

const defaults: RawDownloadOptions = { limit: "1000", source: "browser", concurrency: "2", delay: "2s" };

describe("parseDownloadSettings", () => {
  it("collects posts by default, media only with -v", () => {
    expect(parseDownloadSettings(defaults)).toMatchObject({ posts: true, videos: false });
    expect(parseDownloadSettings({ ...defaults, videos: true })).toMatchObject({
      posts: false,
      videos: true,
    });
    expect(parseDownloadSettings({ ...defaults, posts: true, videos: true })).toMatchObject({
      posts: true,
      videos: true,
    });
  });

  it("reads limits, dates, durations and the proxy", () => {
    expect(
      parseDownloadSettings({
        ...defaults,
        limit: "50",
        since: "2024-03-01",
        every: "6h",
        delay: "500ms",
        concurrency: "4",
        proxy: "http://127.0.0.1:3128",
        source: "scraper",
        session: ["sid_tt=abc"],
      }),
    ).toEqual({
      posts: true,
      videos: false,
      limit: 50,
      source: "scraper",
      since: Date.parse("2024-03-01T00:00:00Z") / 1000,
      everyMs: 6 * 3600_000,
      concurrency: 4,
      delayMs: 500,
      proxy: "http://127.0.0.1:3128",
      headed: false,
      profileDir: null,
      browserPath: null,
      sessionList: ["sid_tt=abc"],
    });
    expect(parseDownloadSettings({ ...defaults, delay: "0" }).delayMs).toBe(0);
  });

  it.each([
    [{ limit: "0" }, '--limit must be a whole number of at least 1, got "0"'],
    [{ every: "soon" }, '--every: cannot read "soon" as a duration (e.g. 500ms, 2s, 6h, 1d)'],
    [{ every: "10s" }, "--every 10s is too often: TikTok should be visited at most once a minute"],
    [{ since: "last week" }, '--since: cannot read "last week" as a date'],
    [{ concurrency: "100" }, "--concurrency 100 is impolite: at most 16 downloads at a time"],
    [
      { proxy: "ftp://proxy.example" },
      "--proxy: ftp: proxies are not supported (use http://, https:// or socks5://)",
    ],
    [{ proxy: "not a url" }, '--proxy: "not a url" is not a URL (e.g. http://127.0.0.1:8080)'],
    [{ source: "api" }, '--source must be browser or scraper, got "api"'],
  ])("rejects %o with a clear message", (change, message) => {
    expect(() => parseDownloadSettings({ ...defaults, ...change })).toThrow(message);
  });
});
