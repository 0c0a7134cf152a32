import { describe, expect, it } from "vitest";
import type { PostItemsRequest } from "../../../shared/api/contract.ts";
import { type CompanionApi, CompanionUnreachableError } from "../companion/companion-api.ts";
import { throwawayMirrors } from "../mirror/testing/throwaway-mirrors.ts";
import { createCaptureFlusher } from "./capture-flusher.ts";

const freshDb = throwawayMirrors("flusher");

describe("createCaptureFlusher", () => {
  it("retries on its own while the companion is down, and sends nothing before pairing", async () => {
    const db = freshDb();
    await db.captureQueue.put({
      hashtag: "travel",
      postId: "1",
      item: { id: "1" },
      sourceUrl: null,
      queuedAt: 1,
    });
    let token: string | null = null;
    let up = false;
    const sent: PostItemsRequest[] = [];
    const api = {
      postItems: async (batch: PostItemsRequest) => {
        if (!up) throw new CompanionUnreachableError("down");
        sent.push(batch);
        return { new: 1, seen: 0, rejected: 0, rejections: [] };
      },
    } as unknown as CompanionApi;
    const flusher = createCaptureFlusher(
      db,
      { readSettings: async () => ({ baseUrl: "http://127.0.0.1:1", token }), makeApi: () => api },
      [10, 10],
    );
    await expect(flusher.flush()).rejects.toThrow("not paired");
    token = "t";
    flusher.request();
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(await db.captureQueue.count()).toBe(1);
    up = true;
    await expect.poll(() => db.captureQueue.count()).toBe(0);
    flusher.stop();
    expect(sent.map((batch) => batch.items)).toEqual([[{ id: "1" }]]);
  });
});
