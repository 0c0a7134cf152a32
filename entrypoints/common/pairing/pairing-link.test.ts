import { describe, expect, it } from "vitest";
import { readPairingLink, withoutPairing } from "./pairing-link.ts";

const token = "Zm9vYmFyYmF6cXV4LXRva2VuLWZvci10ZXN0aW5nXzEy";

describe("readPairingLink", () => {
  it("reads the token, and the companion's address when the link gives one", () => {
    expect(readPairingLink(`?token=${token}`)).toEqual({ token, baseUrl: null });
    expect(readPairingLink(`?token=${token}&url=${encodeURIComponent("http://127.0.0.1:4567")}`)).toEqual({
      token,
      baseUrl: "http://127.0.0.1:4567",
    });
    expect(readPairingLink("")).toBeNull();
    expect(readPairingLink("?other=1")).toBeNull();
  });

  it("refuses a malformed token and any address off this machine", () => {
    expect(readPairingLink("?token=a%20b")).toEqual({
      error: expect.stringContaining("not a companion token"),
    });
    for (const url of [
      "http://evil.example:17717",
      "https://127.0.0.1:1",
      "http://127.0.0.1:1/x",
      "javascript:1",
    ])
      expect(readPairingLink(`?token=${token}&url=${encodeURIComponent(url)}`)).toEqual({
        error: expect.stringContaining("only listens on http://127.0.0.1"),
      });
  });
});

describe("withoutPairing", () => {
  it("drops the token and address, keeps the rest", () => {
    expect(
      withoutPairing(`chrome-extension://id/options.html?token=${token}&url=x&a=1#/hashtag/travel`),
    ).toBe("chrome-extension://id/options.html?a=1#/hashtag/travel");
  });
});
