import type { CompanionAccess } from "../background/mirror-sync.ts";
import { NotPairedError } from "../companion/companion-api.ts";
import type { MirrorDb } from "../mirror/mirror-db.ts";
import { singleFlight } from "../mirror/sync-mirror.ts";
import { type FlushResult, flushCaptureQueue } from "./capture-queue.ts";

/** Retry delays while the companion is down: quick at first, then once a minute (the alarm also retries). */
const RETRY_MS = [2_000, 5_000, 15_000, 30_000, 60_000];

export interface CaptureFlusher {
  /** Sends the queue now (or after the running flush); on failure retries on its own with growing pauses. */
  flush: () => Promise<FlushResult>;
  /** flush() without waiting or throwing. */
  request: () => void;
  stop: () => void;
}

/**
 * Sends captured posts to the paired companion, one flush at a time. Nothing goes anywhere before pairing, and
 * only to the companion's address the pairing stored.
 */
export const createCaptureFlusher = (
  db: MirrorDb,
  access: CompanionAccess,
  retryMs: readonly number[] = RETRY_MS,
): CaptureFlusher => {
  let failures = 0;
  let timer: ReturnType<typeof setTimeout> | null = null;
  const flush = singleFlight(async () => {
    const settings = await access.readSettings();
    if (settings.token === null) throw new NotPairedError("not paired yet");
    const api = access.makeApi(settings);
    return flushCaptureQueue(db, (batch) => api.postItems(batch));
  });
  const request = () => {
    if (timer !== null) {
      clearTimeout(timer);
      timer = null;
    }
    flush().then(
      () => {
        failures = 0;
      },
      async () => {
        // Not paired: wait for pairing (the background calls request() when the settings change).
        if ((await access.readSettings()).token === null) return;
        const delay = retryMs[Math.min(failures, retryMs.length - 1)] ?? 60_000;
        failures += 1;
        timer = setTimeout(request, delay);
      },
    );
  };
  return {
    flush,
    request,
    stop: () => {
      if (timer !== null) clearTimeout(timer);
      timer = null;
    },
  };
};
