import type { FetchPage, UncheckedPage } from "./sync-mirror.ts";

/** Opens a stream of consecutive pages from `cursor`; aborting `signal` stops it. */
export type OpenPageStream = (cursor: string | null, signal: AbortSignal) => AsyncIterator<UncheckedPage>;

/**
 * A FetchPage over page streams: asked for the cursor the open stream's last page named, it answers that
 * stream's next page (already built by the companion and on its way); asked for any other cursor, or when the
 * stream ended after a page that said more follow, it opens a new stream there. `close` stops the open stream
 * (the sync is over, or failed with the next page still coming).
 */
export const streamPageFetch = (open: OpenPageStream): { fetchPage: FetchPage; close: () => void } => {
  let current: { pages: AsyncIterator<UncheckedPage>; expects: string | null; stop: AbortController } | null =
    null;
  const close = () => {
    current?.stop.abort();
    current = null;
  };
  const fetchPage: FetchPage = async (cursor) => {
    if (current !== null && current.expects !== cursor) close();
    let opened = false;
    for (;;) {
      if (current === null) {
        const stop = new AbortController();
        current = { pages: open(cursor, stop.signal), expects: cursor, stop };
        opened = true;
      }
      const stream = current;
      let next: IteratorResult<UncheckedPage>;
      try {
        next = await stream.pages.next();
      } catch (error) {
        if (current === stream) close();
        throw error;
      }
      if (!next.done) {
        stream.expects = next.value.nextCursor;
        return next.value;
      }
      if (current === stream) current = null;
      if (opened) throw new Error("The companion's sync stream ended before its first page");
    }
  };
  return { fetchPage, close };
};
