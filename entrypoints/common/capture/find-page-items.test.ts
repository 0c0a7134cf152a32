import { describe, expect, it } from "vitest";
import { itemListResponse, readFixture } from "./capture-fixtures.ts";
import { itemsInCapture, itemsInResponse } from "./find-page-items.ts";

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

describe("itemsInCapture", () => {
  it("reads a response's text, and every generation of embedded data by its script id", () => {
    const text = JSON.stringify(itemListResponse());
    expect(itemsInCapture({ source: "response", text })).toHaveLength(5);
    const rehydration = itemsInCapture({
      source: "__UNIVERSAL_DATA_FOR_REHYDRATION__",
      text: JSON.stringify(readFixture("rehydration-updated-items.json")),
    });
    expect(rehydration.length).toBeGreaterThan(0);
    expect(rehydration.every((found) => found.kind === "web-rehydration")).toBe(true);
    const next = itemsInCapture({
      source: "__NEXT_DATA__",
      text: JSON.stringify(readFixture("shapes/next-data-tag-page.json")),
    });
    expect(next.length).toBeGreaterThan(0);
    // The same text under the wrong source finds nothing: each is read its own way.
    expect(itemsInCapture({ source: "SIGI_STATE", text })).toEqual([]);
  });

  it("keeps 19-digit numeric ids exact", () => {
    const [found] = itemsInCapture({ source: "response", text: '{"itemList":[{"id":7301234567890123457}]}' });
    expect(found?.item.id).toBe("7301234567890123457");
  });

  it("finds nothing in broken JSON", () => {
    const text = JSON.stringify(itemListResponse());
    expect(itemsInCapture({ source: "response", text: text.slice(0, text.length / 2) })).toEqual([]);
    expect(itemsInCapture({ source: "response", text: "" })).toEqual([]);
  });
});
