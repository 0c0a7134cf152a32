import { describe, expect, it } from "vitest";
import { mirrorContents } from "../mirror/testing/mirror-contents.ts";
import { throwawayMirrors } from "../mirror/testing/throwaway-mirrors.ts";
import { itemListResponse } from "./capture-fixtures.ts";
import { capturePage } from "./capture-page.ts";
import { storeCaptured } from "./store-captured.ts";

const asFound = (items: Record<string, unknown>[]) =>
  items.map((item) => ({ kind: "web-api" as const, item }));

const freshDb = throwawayMirrors("capture");
const page = (url: string) => {
  const found = capturePage(url);
  if (found === null) throw new Error(url);
  return found;
};

describe("storeCaptured", () => {
  it("stores a tag page's posts at once, linked to the hashtag and queued for the companion", async () => {
    const db = freshDb();
    const items = itemListResponse().itemList;
    const stored = await storeCaptured(db, page("https://www.tiktok.com/tag/travel"), asFound(items));
    const ids = items.map((item) => item.id);
    expect(stored).toEqual({ newIds: ids, knownIds: [], rejected: 0 });
    const { posts, links } = await mirrorContents(db);
    expect(posts.map((post) => post.id)).toEqual([...ids].sort());
    expect(posts.find((post) => post.id === "7301234567890123456")).not.toHaveProperty("raw");
    expect(links.find((link) => link.postId === "7301234567890123456")).toMatchObject({
      hashtag: "travel",
      tags: ["algeria", "travel", "fypシ"],
    });
    expect((await db.captured.toArray()).map((row) => row.page)).toEqual(Array(5).fill("#travel"));
    const queued = await db.captureQueue.toArray();
    expect(queued.map((entry) => [entry.hashtag, entry.postId])).toEqual(ids.map((id) => ["travel", id]));
    expect(queued[0]?.item).toEqual(items[0]);

    // The same posts again (a second visit): already known, still one queue entry each.
    const again = await storeCaptured(
      db,
      page("https://www.tiktok.com/tag/travel"),
      asFound([...items, ...items]),
    );
    expect(again).toEqual({ newIds: [], knownIds: ids, rejected: 0 });
    expect(await db.captureQueue.count()).toBe(5);
  });

  it("keeps other pages' posts under the page's kind, unlinked, and queues them with their context", async () => {
    const db = freshDb();
    const [item] = itemListResponse().itemList;
    await storeCaptured(db, page("https://www.tiktok.com/@alice"), asFound([item ?? {}]));
    await storeCaptured(db, page("https://www.tiktok.com/search?q=cats"), asFound([item ?? {}]));
    await storeCaptured(db, page("https://www.tiktok.com/foryou"), asFound([item ?? {}]));
    expect((await db.captured.toArray()).map((row) => row.page).sort()).toEqual([
      "@alice",
      "feed",
      "search:cats",
    ]);
    const { posts, links } = await mirrorContents(db);
    expect(posts).toHaveLength(1);
    expect(links).toEqual([]);
    const queued = await db.captureQueue.orderBy("queuedAt").toArray();
    expect(queued.map(({ hashtag, context }) => [hashtag, context]).sort()).toEqual([
      [" @alice", { kind: "profile", value: "alice" }],
      [" feed", { kind: "feed", value: "" }],
      [" search:cats", { kind: "search", value: "cats" }],
    ]);
  });

  it("keeps a page the companion would refuse in the extension only", async () => {
    const db = freshDb();
    const [item] = itemListResponse().itemList;
    await storeCaptured(db, page("https://www.tiktok.com/@no%20such%20name"), asFound([item ?? {}]));
    expect((await mirrorContents(db)).posts).toHaveLength(1);
    expect(await db.captureQueue.count()).toBe(0);
  });

  it("stores nothing of what the shared parsers refuse", async () => {
    const db = freshDb();
    let deep: Record<string, unknown> = { id: "7301234567890123999" };
    for (let level = 0; level < 45; level += 1) deep = { id: "7301234567890123999", nested: deep };
    const odd = [
      {},
      { id: "../../etc/passwd", desc: "x" },
      { id: "7.35E+18" },
      { id: -5 },
      { id: { $gt: "" } },
      { desc: "<script>alert(1)</script>" },
      deep,
    ];
    const [good] = itemListResponse().itemList;
    const stored = await storeCaptured(
      db,
      page("https://www.tiktok.com/tag/travel"),
      asFound([...odd, good ?? {}]),
    );
    expect(stored).toEqual({ newIds: ["7301234567890123456"], knownIds: [], rejected: odd.length });
    expect((await mirrorContents(db)).posts.map((post) => post.id)).toEqual(["7301234567890123456"]);
    expect(await db.captureQueue.count()).toBe(1);
  });
});
