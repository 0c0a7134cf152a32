import { describe, expect, it } from "vitest";
import { streamPageFetch } from "./stream-page-fetch.ts";
import type { UncheckedPage } from "./sync-mirror.ts";

const page = (nextCursor: string, hasMore = true): UncheckedPage => ({
  nextCursor,
  hasMore,
  read: () => ({ posts: [], links: [], runs: [], videos: [], nextCursor, hasMore }),
});

/** Streams that each give the listed cursors' pages, recording where each was opened and whether it was stopped. */
const streams = (...lists: string[][]) => {
  const opened: Array<{ from: string | null; signal: AbortSignal }> = [];
  const open = (from: string | null, signal: AbortSignal) => {
    opened.push({ from, signal });
    const cursors = lists.shift() ?? [];
    return (async function* () {
      for (const cursor of cursors) yield page(cursor);
    })();
  };
  return { open, opened };
};

describe("streamPageFetch", () => {
  it("answers the next cursor from the open stream and opens one for any other cursor", async () => {
    const { open, opened } = streams(["2", "4"], ["9"]);
    const { fetchPage, close } = streamPageFetch(open);
    expect((await fetchPage(null)).nextCursor).toBe("2");
    expect((await fetchPage("2")).nextCursor).toBe("4");
    expect(opened.map((each) => each.from)).toEqual([null]);
    // Not the cursor the stream is at: that stream is stopped and a new one opened there.
    expect((await fetchPage("7")).nextCursor).toBe("9");
    expect(opened.map((each) => [each.from, each.signal.aborted])).toEqual([
      [null, true],
      ["7", false],
    ]);
    close();
    expect(opened[1]?.signal.aborted).toBe(true);
  });

  it("opens a new stream when one ended after a page that said more follow, and fails on an empty one", async () => {
    const { open, opened } = streams(["2"], ["3"], []);
    const { fetchPage } = streamPageFetch(open);
    await fetchPage(null);
    expect((await fetchPage("2")).nextCursor).toBe("3");
    expect(opened.map((each) => each.from)).toEqual([null, "2"]);
    await expect(fetchPage("3")).rejects.toThrow("ended before its first page");
  });

  it("passes a stream's failure on and opens a new stream after it", async () => {
    let calls = 0;
    const { fetchPage } = streamPageFetch(() => {
      calls += 1;
      return (async function* () {
        if (calls === 1) throw new TypeError("network error");
        yield page("5");
      })();
    });
    await expect(fetchPage("1")).rejects.toThrow("network error");
    expect((await fetchPage("1")).nextCursor).toBe("5");
  });
});
