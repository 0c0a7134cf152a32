import { describe, expect, it } from "vitest";
import { contextLabel, type PostItemsRequest } from "../../../shared/api/contract.ts";
import { throwawayMirrors } from "../mirror/testing/throwaway-mirrors.ts";
import { flushCaptureQueue, type SendBatch } from "./capture-queue.ts";

const freshDb = throwawayMirrors("queue");
const entry = (hashtag: string, postId: string, queuedAt: number) => ({
  hashtag,
  postId,
  item: { id: postId },
  sourceUrl: `https://www.tiktok.com/tag/${hashtag}`,
  queuedAt,
});

/** A companion that stores by post id, as the real one upserts, and can be switched off. */
const fakeCompanion = () => {
  const stored = new Map<string, string>();
  const batches: PostItemsRequest[] = [];
  let up = true;
  const send: SendBatch = async (batch) => {
    if (!up) throw new Error("The companion does not answer");
    batches.push(batch);
    let fresh = 0;
    for (const item of batch.items) {
      const id = (item as { id: string }).id;
      if (!stored.has(id)) fresh += 1;
      stored.set(id, batch.hashtag ?? contextLabel(batch.context as never));
    }
    return { new: fresh, seen: batch.items.length - fresh, rejected: 0, rejections: [] };
  };
  return { send, stored, batches, setUp: (value: boolean) => (up = value) };
};

describe("flushCaptureQueue", () => {
  it("sends oldest first, one hashtag per batch, as captured, and empties the queue", async () => {
    const db = freshDb();
    await db.captureQueue.bulkPut([entry("travel", "1", 1), entry("food", "2", 2), entry("travel", "3", 3)]);
    const companion = fakeCompanion();
    expect(await flushCaptureQueue(db, companion.send, 2)).toEqual({ sent: 3, new: 3, seen: 0, rejected: 0 });
    expect(companion.batches.map((batch) => [batch.hashtag, batch.source, batch.items.length])).toEqual([
      ["travel", "captured", 1],
      ["food", "captured", 1],
      ["travel", "captured", 1],
    ]);
    expect(companion.batches[0]?.source_url).toBe("https://www.tiktok.com/tag/travel");
    expect(await db.captureQueue.count()).toBe(0);
  });

  it("sends posts captured off tag pages with their context, apart from a hashtag of the same name", async () => {
    const db = freshDb();
    const feed = { kind: "feed", value: "" } as const;
    const profile = { kind: "profile", value: "alice" } as const;
    await db.captureQueue.bulkPut([
      { ...entry(" feed", "1", 1), context: feed, sourceUrl: "https://www.tiktok.com/foryou" },
      entry("feed", "1", 2),
      { ...entry(" @alice", "2", 3), context: profile, sourceUrl: "https://www.tiktok.com/@alice" },
    ]);
    const companion = fakeCompanion();
    expect(await flushCaptureQueue(db, companion.send)).toMatchObject({ sent: 3 });
    expect(companion.batches.map(({ hashtag, context, items }) => [hashtag, context, items.length])).toEqual([
      [undefined, feed, 1],
      ["feed", undefined, 1],
      [undefined, profile, 1],
    ]);
    expect(companion.batches.map((batch) => batch.source)).toEqual(["captured", "captured", "captured"]);
    expect(companion.batches[2]?.source_url).toBe("https://www.tiktok.com/@alice");
    expect(await db.captureQueue.count()).toBe(0);
  });

  it("keeps everything while the companion is down and sends it once it is back, each post once", async () => {
    const db = freshDb();
    await db.captureQueue.bulkPut([entry("travel", "1", 1), entry("travel", "2", 2)]);
    const companion = fakeCompanion();
    companion.setUp(false);
    await expect(flushCaptureQueue(db, companion.send)).rejects.toThrow("does not answer");
    expect(await db.captureQueue.count()).toBe(2);
    // Captured again while down: still one entry per post.
    await db.captureQueue.bulkPut([entry("travel", "2", 5), entry("travel", "4", 6)]);
    companion.setUp(true);
    expect(await flushCaptureQueue(db, companion.send)).toMatchObject({ sent: 3, new: 3, seen: 0 });
    expect([...companion.stored.keys()].sort()).toEqual(["1", "2", "4"]);
    expect(companion.batches).toHaveLength(1);
    expect(await db.captureQueue.count()).toBe(0);
    expect(await flushCaptureQueue(db, companion.send)).toEqual({ sent: 0, new: 0, seen: 0, rejected: 0 });
    expect(companion.batches).toHaveLength(1);
  });

  it("removes only what the companion confirmed: a post captured again meanwhile goes in the next batch", async () => {
    const db = freshDb();
    await db.captureQueue.bulkPut([entry("travel", "1", 1), entry("travel", "2", 2)]);
    const companion = fakeCompanion();
    let first = true;
    const send: SendBatch = async (batch) => {
      if (first) {
        first = false;
        await db.captureQueue.put(entry("travel", "2", 10));
      }
      return companion.send(batch);
    };
    expect(await flushCaptureQueue(db, send)).toMatchObject({ sent: 3, new: 2, seen: 1 });
    expect(companion.batches.map((batch) => batch.items)).toEqual([
      [{ id: "1" }, { id: "2" }],
      [{ id: "2" }],
    ]);
    expect(await db.captureQueue.count()).toBe(0);
  });
});
