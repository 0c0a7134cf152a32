import { describe, expect, it } from "vitest";
import { CAPTURE_WINDOW_MESSAGE, MAX_CAPTURE_TEXT } from "./capture-constants.ts";
import { readCaptureWindowMessage } from "./window-message.ts";

const self = { location: { origin: "https://www.tiktok.com" } };
const data = { type: CAPTURE_WINDOW_MESSAGE, source: "response", text: '{"itemList":[]}' };
const event = (change: Partial<{ source: unknown; origin: string; data: unknown }> = {}) =>
  ({ source: self, origin: "https://www.tiktok.com", data, ...change }) as unknown as MessageEvent;

describe("readCaptureWindowMessage", () => {
  it("turns our page script's message into a capture request", () => {
    expect(readCaptureWindowMessage(event(), self)).toEqual({
      type: "capture",
      source: "response",
      text: '{"itemList":[]}',
    });
  });

  it("ignores messages from another window or origin (an iframe, an opener)", () => {
    expect(readCaptureWindowMessage(event({ source: {} }), self)).toBeNull();
    expect(readCaptureWindowMessage(event({ source: null }), self)).toBeNull();
    expect(readCaptureWindowMessage(event({ origin: "https://evil.example" }), self)).toBeNull();
  });

  it("ignores other types and anything not shaped as captured JSON text", () => {
    for (const bad of [
      null,
      "text",
      { ...data, type: "other" },
      { ...data, source: "csv" },
      { ...data, text: { itemList: [] } },
      { ...data, text: undefined },
      { ...data, text: "x".repeat(MAX_CAPTURE_TEXT + 1) },
    ])
      expect(
        readCaptureWindowMessage(event({ data: bad }), self),
        JSON.stringify(bad)?.slice(0, 80),
      ).toBeNull();
  });
});
