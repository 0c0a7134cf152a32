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

  it("says why an address is not a page", () => {
    expect(parseRoute("#/elsewhere")).toMatchObject({ page: "not-found", reason: "No such page" });
    expect(parseRoute("#/hashtag/%E0%A4%A")).toMatchObject({ page: "not-found", reason: /percent-encoding/ });
    expect(parseRoute("#/hashtag/a%2Fb")).toMatchObject({ page: "not-found", reason: /path separator/ });
    expect(parseRoute("#/hashtag/")).toMatchObject({ page: "not-found", reason: /empty/ });
  });
});
