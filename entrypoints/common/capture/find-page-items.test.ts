import { describe, expect, it } from "vitest";
import { CAPTURE_WINDOW_MESSAGE, MAX_CAPTURED_ITEMS } from "./capture-constants.ts";
import { itemListResponse, readFixture } from "./capture-fixtures.ts";
import { captureMessages, itemsInPageData, itemsInResponse } from "./find-page-items.ts";

describe("itemsInResponse", () => {
  it("finds the items of an item_list response and the posts of a search response, nothing in others", () => {
    expect(itemsInResponse(itemListResponse()).map((found) => found.kind)).toEqual(Array(5).fill("web-api"));
    const search = itemsInResponse(readFixture("shapes/search-response.json"));
    expect(search.length).toBeGreaterThan(0);
    expect(search.every((found) => typeof found.item.id === "string")).toBe(true);
    expect(itemsInResponse({ comments: [{ cid: "1" }], statusCode: 0 })).toEqual([]);
    expect(itemsInResponse("text")).toEqual([]);
    expect(itemsInResponse(null)).toEqual([]);
  });
});

describe("itemsInPageData", () => {
  it("reads every generation of embedded data", () => {
    const rehydration = itemsInPageData({
      __UNIVERSAL_DATA_FOR_REHYDRATION__: readFixture("rehydration-updated-items.json"),
    });
    expect(rehydration.length).toBeGreaterThan(0);
    expect(rehydration.every((found) => found.kind === "web-rehydration")).toBe(true);
    const next = itemsInPageData({ __NEXT_DATA__: readFixture("shapes/next-data-tag-page.json") });
    expect(next.length).toBeGreaterThan(0);
    expect(itemsInPageData({})).toEqual([]);
  });
});

describe("captureMessages", () => {
  it("posts one message per kind, split at the size limit", () => {
    const item = { id: "1" };
    const found = [
      ...Array.from({ length: MAX_CAPTURED_ITEMS + 1 }, () => ({ kind: "web-api" as const, item })),
      { kind: "web-rehydration" as const, item },
    ];
    const messages = captureMessages(found);
    expect(messages.map((message) => [message.type, message.kind, message.items.length])).toEqual([
      [CAPTURE_WINDOW_MESSAGE, "web-api", MAX_CAPTURED_ITEMS],
      [CAPTURE_WINDOW_MESSAGE, "web-api", 1],
      [CAPTURE_WINDOW_MESSAGE, "web-rehydration", 1],
    ]);
    expect(captureMessages([])).toEqual([]);
  });
});
