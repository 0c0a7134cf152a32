// @vitest-environment happy-dom
import { describe, expect, it } from "vitest";
import { mayCarryPosts, wrapFetch, wrapXhr } from "./page-hooks.ts";

const BODY = '{"itemList":[{"id":"7301234567890123456"}],"hasMore":true}';
const jsonResponse = (url: string, body = BODY, type = "application/json") => {
  const response = new Response(body, { headers: { "content-type": type } });
  Object.defineProperty(response, "url", { value: url });
  return response;
};
const settle = () => new Promise((resolve) => setTimeout(resolve, 20));

describe("mayCarryPosts", () => {
  it("reads only tiktok.com API answers labelled JSON", () => {
    const base = "https://www.tiktok.com/tag/travel";
    expect(mayCarryPosts("/api/challenge/item_list/?cursor=0", "application/json; charset=utf-8", base)).toBe(
      true,
    );
    expect(mayCarryPosts("https://www.tiktok.com/api/post/item_list/", "application/json", base)).toBe(true);
    expect(mayCarryPosts("https://www.tiktok.com/api/x", "text/html", base)).toBe(false);
    expect(mayCarryPosts("https://www.tiktok.com/tag/travel", "application/json", base)).toBe(false);
    expect(mayCarryPosts("https://evil.example/api/x", "application/json", base)).toBe(false);
    expect(mayCarryPosts("https://v16-webapp-prime.tiktok.com/video/tos/1/play.mp4", null, base)).toBe(false);
  });
});

describe("wrapFetch", () => {
  const scope = (answer: () => Promise<Response>) => ({
    fetch: (async () => answer()) as typeof fetch,
    location: { href: "https://www.tiktok.com/tag/travel" },
  });

  it("hands the page the original response, body unread, and the capture a copy", async () => {
    const page = scope(async () => jsonResponse("https://www.tiktok.com/api/challenge/item_list/"));
    const seen: Array<[string, unknown]> = [];
    wrapFetch(page, (url, body) => seen.push([url, body]));
    const response = await page.fetch("/api/challenge/item_list/");
    expect(response.bodyUsed).toBe(false);
    expect(await response.text()).toBe(BODY);
    await settle();
    expect(seen).toEqual([["https://www.tiktok.com/api/challenge/item_list/", BODY]]);
  });

  it("keeps the page working when capture fails, and passes the page's errors through unchanged", async () => {
    const page = scope(async () =>
      jsonResponse("https://www.tiktok.com/api/challenge/item_list/", "{broken"),
    );
    wrapFetch(page, () => {
      throw new Error("capture exploded");
    });
    expect(await (await page.fetch("/api/challenge/item_list/")).text()).toBe("{broken");
    const failing = scope(async () => {
      throw new TypeError("Failed to fetch");
    });
    wrapFetch(failing, () => undefined);
    await expect(failing.fetch("/api/x")).rejects.toThrow(new TypeError("Failed to fetch"));
  });

  it("does not read media, pages or other hosts", async () => {
    const seen: string[] = [];
    for (const url of ["https://www.tiktok.com/tag/travel", "https://cdn.example/api/x"]) {
      const page = scope(async () => jsonResponse(url));
      wrapFetch(page, (from) => seen.push(from));
      await (await page.fetch(url)).text();
    }
    const video = scope(async () => jsonResponse("https://www.tiktok.com/api/video", "bytes", "video/mp4"));
    wrapFetch(video, (from) => seen.push(from));
    await (await video.fetch("x")).text();
    await settle();
    expect(seen).toEqual([]);
  });
});

describe("wrapXhr", () => {
  it("leaves XMLHttpRequest's prototype working (open and send stay callable)", () => {
    class FakeXhr {
      opened: unknown[] = [];
      sent = false;
      open(...args: unknown[]) {
        this.opened = args;
      }
      send() {
        this.sent = true;
      }
      addEventListener() {
        throw new Error("listener refused");
      }
    }
    const scope = {
      XMLHttpRequest: FakeXhr as unknown as typeof XMLHttpRequest,
      location: { href: "https://www.tiktok.com/" },
    };
    wrapXhr(scope, () => undefined);
    const request = new FakeXhr();
    request.open("GET", "/api/x", true);
    request.send();
    expect(request.opened).toEqual(["GET", "/api/x", true]);
    expect(request.sent).toBe(true);
  });
});
