import { describe, expect, it } from "vitest";
import { parseRoute, routeHash } from "./hash-route.ts";

describe("parseRoute", () => {
  it("reads an empty hash as home", () => {
    for (const hash of ["", "#", "#/"]) expect(parseRoute(hash)).toEqual({ page: "home" });
  });

  it("reads a hashtag's address, percent-decoded and normalised", () => {
    expect(parseRoute("#/hashtag/Travel")).toEqual({ page: "hashtag", hashtag: "travel" });
    expect(parseRoute(`#/hashtag/${encodeURIComponent("日本")}`)).toEqual({
      page: "hashtag",
      hashtag: "日本",
    });
  });

  it("round-trips every hashtag through routeHash", () => {
    for (const hashtag of ["travel", "日本", "café", "🔥fire"]) {
      expect(parseRoute(routeHash({ page: "hashtag", hashtag }))).toEqual({ page: "hashtag", hashtag });
    }
    expect(parseRoute(routeHash({ page: "home" }))).toEqual({ page: "home" });
  });

  it("reads a hashtag's analyses, a co-hashtag filter and a post, and round-trips them", () => {
    expect(parseRoute("#/hashtag/travel/network")).toEqual({ page: "network", hashtag: "travel" });
    expect(parseRoute("#/hashtag/Travel/trends")).toEqual({ page: "trends", hashtag: "travel" });
    expect(parseRoute("#/hashtag/travel?with=%23Food")).toEqual({
      page: "hashtag",
      hashtag: "travel",
      coHashtag: "food",
    });
    expect(parseRoute("#/hashtag/travel/engagement?post=7350000000000000001")).toEqual({
      page: "engagement",
      hashtag: "travel",
      postId: "7350000000000000001",
    });
    const pages = [
      { page: "network", hashtag: "日本" },
      { page: "trends", hashtag: "café" },
      { page: "engagement", hashtag: "travel" },
      { page: "engagement", hashtag: "travel", postId: "12" },
      { page: "hashtag", hashtag: "travel", coHashtag: "🔥fire" },
    ] as const;
    for (const route of pages) expect(parseRoute(routeHash(route))).toEqual(route);
  });

  it("says why an address is not a page", () => {
    expect(parseRoute("#/elsewhere")).toMatchObject({ page: "not-found", reason: "No such page" });
    expect(parseRoute("#/hashtag/%E0%A4%A")).toMatchObject({ page: "not-found", reason: /percent-encoding/ });
    expect(parseRoute("#/hashtag/a%2Fb")).toMatchObject({ page: "not-found", reason: /path separator/ });
    expect(parseRoute("#/hashtag/")).toMatchObject({ page: "not-found", reason: /empty/ });
    expect(parseRoute("#/hashtag/travel/elsewhere")).toMatchObject({ reason: "No such page" });
    expect(parseRoute("#/hashtag/travel/network/x")).toMatchObject({ reason: "No such page" });
    expect(parseRoute("#/hashtag/travel?with=a%20b")).toMatchObject({ reason: /^with: .*whitespace/ });
    expect(parseRoute("#/hashtag/travel/engagement?post=..%2F1")).toMatchObject({ reason: /post id/ });
  });
});
