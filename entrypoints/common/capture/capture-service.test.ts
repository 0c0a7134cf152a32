import { afterEach, describe, expect, it, vi } from "vitest";
import { mirrorContents } from "../mirror/testing/mirror-contents.ts";
import { throwawayMirrors } from "../mirror/testing/throwaway-mirrors.ts";
import { itemListResponse } from "./capture-fixtures.ts";
import { createCaptureService } from "./capture-service.ts";
import { createTabCounts } from "./tab-counts.ts";

const freshDb = throwawayMirrors("service");
afterEach(() => {
  vi.useRealTimers();
});

const memoryStore = () => {
  const values = new Map<string, unknown>();
  return {
    get: async (key: string) => values.get(key),
    set: async (key: string, value: unknown) => void values.set(key, value),
    remove: async (key: string) => void values.delete(key),
  };
};

const service = () => {
  const db = freshDb();
  let paused = false;
  const flushes = vi.fn();
  const capture = createCaptureService({
    db,
    flusher: { request: flushes },
    tabCounts: createTabCounts(memoryStore()),
    readPaused: async () => paused,
    writePaused: async (value) => {
      paused = value;
    },
  });
  return { db, capture, flushes };
};

const TAG_PAGE = "https://www.tiktok.com/tag/travel";

describe("createCaptureService", () => {
  it("counts each tab's distinct posts, new and already known, and sends them on", async () => {
    vi.useFakeTimers({ toFake: ["setTimeout"] });
    const { capture, flushes } = service();
    const items = itemListResponse().itemList;
    const capture_ = (list: typeof items) => ({
      type: "capture" as const,
      source: "response" as const,
      text: JSON.stringify({ itemList: list }),
    });
    const request = capture_(items.slice(0, 3));
    expect(await capture.receive(request, { tabId: 1, url: TAG_PAGE })).toEqual({
      new: 3,
      known: 0,
      rejected: 0,
    });
    // The same tab sees them again: no change; another tab finds them already known.
    await capture.receive(capture_(items), { tabId: 1, url: TAG_PAGE });
    await capture.receive(request, { tabId: 2, url: "https://www.tiktok.com/@alice" });
    // Queued: the tag page's five, and the profile's three under its context.
    expect(await capture.status(1)).toEqual({ paused: false, tabNew: 5, tabKnown: 0, queued: 8 });
    expect(await capture.status(2)).toMatchObject({ tabNew: 0, tabKnown: 3 });
    // status() retries the waiting posts at once; the captures' own flush follows after a pause.
    expect(flushes).toHaveBeenCalledTimes(2);
    vi.advanceTimersByTime(1_000);
    expect(flushes).toHaveBeenCalledTimes(3);
    await capture.forgetTab(1);
    expect(await capture.status(1)).toMatchObject({ tabNew: 0, tabKnown: 0 });
  });

  it("stores nothing while paused, nor from a page other than www.tiktok.com", async () => {
    const { db, capture } = service();
    const request = {
      type: "capture" as const,
      source: "response" as const,
      text: JSON.stringify(itemListResponse()),
    };
    expect(await capture.receive(request, { tabId: 1, url: "https://evil.example/tag/travel" })).toEqual({
      new: 0,
      known: 0,
      rejected: 0,
    });
    await capture.setPaused(true);
    await capture.receive(request, { tabId: 1, url: TAG_PAGE });
    expect((await mirrorContents(db)).posts).toHaveLength(0);
    expect(await capture.status(1)).toEqual({ paused: true, tabNew: 0, tabKnown: 0, queued: 0 });
    await capture.setPaused(false);
    await capture.receive(request, { tabId: 1, url: TAG_PAGE });
    expect((await mirrorContents(db)).posts).toHaveLength(5);
  });
});
