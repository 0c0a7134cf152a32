import type { CaptureReply, CaptureRequest, CaptureStatusReply } from "../messages/extension-messages.ts";
import type { MirrorDb } from "../mirror/mirror-db.ts";
import type { CaptureFlusher } from "./capture-flusher.ts";
import { capturePage } from "./capture-page.ts";
import { itemsInCapture } from "./find-page-items.ts";
import { queueKey, storeCaptured } from "./store-captured.ts";
import type { TabCounts } from "./tab-counts.ts";

/** Captures arriving within this pause go to the companion in one flush. */
const FLUSH_AFTER_MS = 1_000;

export interface CaptureServiceDeps {
  db: MirrorDb;
  flusher: Pick<CaptureFlusher, "request">;
  tabCounts: TabCounts;
  readPaused: () => Promise<boolean>;
  writePaused: (paused: boolean) => Promise<void>;
}

/** Where a capture message came from, as the browser (not the page) tells it. */
export interface CaptureSender {
  tabId: number;
  url: string | undefined;
}

const NOTHING: CaptureReply = { new: 0, known: 0, rejected: 0 };

/** The background's side of passive capture: store what tabs send, count it per tab, send it on, pause. */
export const createCaptureService = (deps: CaptureServiceDeps) => {
  let flushTimer: ReturnType<typeof setTimeout> | null = null;
  const flushSoon = () => {
    if (flushTimer !== null) return;
    flushTimer = setTimeout(() => {
      flushTimer = null;
      deps.flusher.request();
    }, FLUSH_AFTER_MS);
  };
  return {
    receive: async (request: CaptureRequest, sender: CaptureSender): Promise<CaptureReply> => {
      const page = capturePage(sender.url);
      if (page === null || (await deps.readPaused())) return NOTHING;
      const stored = await storeCaptured(deps.db, page, itemsInCapture(request));
      await deps.tabCounts.add(sender.tabId, stored);
      if (queueKey(page) !== null && stored.newIds.length + stored.knownIds.length > 0) flushSoon();
      return { new: stored.newIds.length, known: stored.knownIds.length, rejected: stored.rejected };
    },
    status: async (tabId: number | null): Promise<CaptureStatusReply> => {
      const [paused, counts, queued] = await Promise.all([
        deps.readPaused(),
        tabId === null ? { tabNew: 0, tabKnown: 0 } : deps.tabCounts.counts(tabId),
        deps.db.captureQueue.count(),
      ]);
      // Someone looks: a good moment to retry what still waits (the companion may have been started since).
      if (queued > 0) deps.flusher.request();
      return { paused, ...counts, queued };
    },
    setPaused: async (paused: boolean): Promise<void> => {
      await deps.writePaused(paused);
    },
    forgetTab: (tabId: number) => deps.tabCounts.forget(tabId),
  };
};

export type CaptureService = ReturnType<typeof createCaptureService>;
