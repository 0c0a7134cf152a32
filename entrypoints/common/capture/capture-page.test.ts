import { describe, expect, it } from "vitest";
import { capturePage } from "./capture-page.ts";

describe("capturePage", () => {
  it("names a tag page by its hashtag and other pages by their kind", () => {
    const page = (url: string) => {
      const found = capturePage(url);
      return found === null ? null : [found.page, found.hashtag];
    };
    expect(page("https://www.tiktok.com/tag/Travel?lang=en")).toEqual(["#travel", "travel"]);
    expect(page("https://www.tiktok.com/tag/%E6%9D%B1%E4%BA%AC")).toEqual(["#東京", "東京"]);
    expect(page("https://www.tiktok.com/@alice")).toEqual(["@alice", null]);
    expect(page("https://www.tiktok.com/@alice/video/7301234567890123456")).toEqual(["@alice", null]);
    expect(page("https://www.tiktok.com/search?q=cats%20dogs")).toEqual(["search:cats dogs", null]);
    expect(page("https://www.tiktok.com/foryou")).toEqual(["feed", null]);
    expect(page("https://www.tiktok.com/")).toEqual(["feed", null]);
    // A tag the shared rules refuse is not a hashtag to link to.
    expect(page("https://www.tiktok.com/tag/a..b")).toEqual(["feed", null]);
  });

  it("gives other pages the capture context the companion keeps their posts under", () => {
    const context = (url: string) => capturePage(url)?.context;
    expect(context("https://www.tiktok.com/tag/travel")).toBeNull();
    expect(context("https://www.tiktok.com/@Alice.B")).toEqual({ kind: "profile", value: "alice.b" });
    expect(context("https://www.tiktok.com/search?q=%20cats%20%20dogs")).toEqual({
      kind: "search",
      value: "cats dogs",
    });
    expect(context("https://www.tiktok.com/foryou")).toEqual({ kind: "feed", value: "" });
    // Not a name TikTok gives: kept in the extension, never sent to be refused again and again.
    expect(context("https://www.tiktok.com/@a%2Fb")).toBeNull();
  });

  it("captures nowhere but https://www.tiktok.com", () => {
    expect(capturePage("https://www.tiktok.com.evil.example/tag/travel")).toBeNull();
    expect(capturePage("http://www.tiktok.com/tag/travel")).toBeNull();
    expect(capturePage("https://m.tiktok.com/tag/travel")).toBeNull();
    expect(capturePage("not a url")).toBeNull();
    expect(capturePage(undefined)).toBeNull();
  });
});
