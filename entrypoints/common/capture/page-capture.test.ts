// @vitest-environment happy-dom
import { afterEach, describe, expect, it } from "vitest";
import { CAPTURE_WINDOW_MESSAGE } from "./capture-constants.ts";
import { mayHoldPosts, startPageCapture } from "./page-capture.ts";

const ITEM_LIST = '{"itemList":[{"id":"7301234567890123456"}],"hasMore":false}';

afterEach(() => {
  document.body.innerHTML = "";
});

describe("mayHoldPosts", () => {
  it("passes responses with post keys and nothing else, without parsing", () => {
    expect(mayHoldPosts(ITEM_LIST)).toBe(true);
    expect(mayHoldPosts('{"data":[{"type":1,"item":{"id":"1"}}]}')).toBe(true);
    expect(mayHoldPosts('{"comments":[{"cid":"1","text":"itemList"}]}')).toBe(false);
    expect(mayHoldPosts('{"itemList":')).toBe(true);
  });
});

describe("startPageCapture", () => {
  it("posts the embedded data and the page's post responses to this window, the page's fetch untouched", async () => {
    const script = document.createElement("script");
    script.id = "__UNIVERSAL_DATA_FOR_REHYDRATION__";
    script.type = "application/json";
    script.textContent = '{"__DEFAULT_SCOPE__":{}}';
    document.body.append(script);
    const posted: unknown[] = [];
    const scope = {
      document,
      location: { origin: "https://www.tiktok.com", href: "https://www.tiktok.com/tag/travel" },
      postMessage: (message: unknown, origin: string) => posted.push([message, origin]),
      fetch: async (url: string) => {
        const response = new Response(url.includes("item_list") ? ITEM_LIST : '{"user":{}}', {
          headers: { "content-type": "application/json" },
        });
        Object.defineProperty(response, "url", { value: new URL(url, "https://www.tiktok.com").href });
        return response;
      },
    } as unknown as Window & typeof globalThis;
    startPageCapture(scope);
    expect(await (await scope.fetch("/api/challenge/item_list/?cursor=0")).text()).toBe(ITEM_LIST);
    await (await scope.fetch("/api/user/detail/")).text();
    await expect
      .poll(() => posted)
      .toEqual([
        [
          {
            type: CAPTURE_WINDOW_MESSAGE,
            source: "__UNIVERSAL_DATA_FOR_REHYDRATION__",
            text: '{"__DEFAULT_SCOPE__":{}}',
          },
          "https://www.tiktok.com",
        ],
        [{ type: CAPTURE_WINDOW_MESSAGE, source: "response", text: ITEM_LIST }, "https://www.tiktok.com"],
      ]);
  });
});
