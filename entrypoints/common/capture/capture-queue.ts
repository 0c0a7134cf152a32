import type { PostItemsRequest, PostItemsResponse } from "../../../shared/api/contract.ts";
import type { CaptureQueueEntry, MirrorDb } from "../mirror/mirror-db.ts";

/** Posts per POST /api/posts: small enough to answer fast, large enough that a scrolled page goes in one or two. */
export const CAPTURE_BATCH_SIZE = 200;

export type SendBatch = (batch: PostItemsRequest) => Promise<PostItemsResponse>;

export interface FlushResult {
  sent: number;
  new: number;
  seen: number;
  rejected: number;
}

const sameEntry = (a: CaptureQueueEntry | undefined, b: CaptureQueueEntry) => a?.queuedAt === b.queuedAt;

/**
 * Sends the queued captures to the companion oldest first, one hashtag (or capture context) per batch, and removes a batch only after
 * the companion confirmed it. A failure (companion down, not paired) throws with the rest still queued; sending a
 * batch again is harmless, as the companion upserts by post id. An entry captured again while its batch was on the
 * way has a newer queuedAt and stays for the next batch.
 */
export const flushCaptureQueue = async (
  db: MirrorDb,
  send: SendBatch,
  batchSize = CAPTURE_BATCH_SIZE,
): Promise<FlushResult> => {
  const total: FlushResult = { sent: 0, new: 0, seen: 0, rejected: 0 };
  for (;;) {
    const oldest = await db.captureQueue.orderBy("queuedAt").limit(batchSize).toArray();
    const first = oldest[0];
    if (first === undefined) return total;
    const batch = oldest.filter((entry) => entry.hashtag === first.hashtag);
    const reply = await send({
      ...(first.context === undefined ? { hashtag: first.hashtag } : { context: first.context }),
      source: "captured",
      source_url: first.sourceUrl,
      items: batch.map((entry) => entry.item),
    });
    await db.transaction("rw", db.captureQueue, async () => {
      const keys = batch.map((entry): [string, string] => [entry.hashtag, entry.postId]);
      const now = await db.captureQueue.bulkGet(keys);
      await db.captureQueue.bulkDelete(
        keys.filter((_key, index) => sameEntry(now[index], batch[index] as CaptureQueueEntry)),
      );
    });
    total.sent += batch.length;
    total.new += reply.new;
    total.seen += reply.seen;
    total.rejected += reply.rejected;
  }
};
