import type { HTTPResponse } from "puppeteer-core";
import { describe, expect, it } from "vitest";
import { readItemListResponse } from "./item-list-events.ts";

/** Just the parts of a puppeteer response that readItemListResponse reads. */
const response = (body: string) =>
  ({
    url: () => "https://www.tiktok.com/api/challenge/item_list/?cursor=0",
    headers: () => ({}),
    status: () => 200,
    text: async () => body,
  }) as unknown as HTTPResponse;

describe("readItemListResponse", () => {
  it("keeps bare-number ids exact, so two posts never read as one", async () => {
    const event = await readItemListResponse(
      response('{"statusCode":0,"itemList":[{"id":7300000000000000401},{"id":7300000000000000402}]}'),
    );
    expect(event).toMatchObject({
      kind: "page",
      body: { itemList: [{ id: "7300000000000000401" }, { id: "7300000000000000402" }] },
    });
  });

  it("asks for a retry when the body is not JSON", async () => {
    expect(await readItemListResponse(response("<html>"))).toMatchObject({ kind: "retry" });
  });
});
