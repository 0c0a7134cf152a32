import { describe, expect, it } from "vitest";
import { CAPTURE_WINDOW_MESSAGE } from "./capture-constants.ts";
import { readCaptureWindowMessage } from "./window-message.ts";

const self = { location: { origin: "https://www.tiktok.com" } };
const data = { type: CAPTURE_WINDOW_MESSAGE, kind: "web-api", items: [{ id: "1" }] };
const event = (change: Partial<{ source: unknown; origin: string; data: unknown }> = {}) =>
  ({ source: self, origin: "https://www.tiktok.com", data, ...change }) as unknown as MessageEvent;

describe("readCaptureWindowMessage", () => {
  it("turns our page script's message into a capture request", () => {
    expect(readCaptureWindowMessage(event(), self)).toEqual({
      type: "capture",
      kind: "web-api",
      items: [{ id: "1" }],
    });
  });

  it("ignores messages from another window or origin (an iframe, an opener)", () => {
    expect(readCaptureWindowMessage(event({ source: {} }), self)).toBeNull();
    expect(readCaptureWindowMessage(event({ source: null }), self)).toBeNull();
    expect(readCaptureWindowMessage(event({ origin: "https://evil.example" }), self)).toBeNull();
  });

  it("ignores other types and anything not shaped as items", () => {
    for (const bad of [
      null,
      "text",
      { ...data, type: "other" },
      { ...data, kind: "csv" },
      { ...data, items: [] },
      { ...data, items: ["1", 2] },
      { ...data, items: [[1]] },
      { ...data, items: Array(501).fill({ id: "1" }) },
      { ...data, items: undefined },
    ])
      expect(
        readCaptureWindowMessage(event({ data: bad }), self),
        JSON.stringify(bad)?.slice(0, 80),
      ).toBeNull();
  });
});
