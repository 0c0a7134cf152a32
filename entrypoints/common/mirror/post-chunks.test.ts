import "fake-indexeddb/auto";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { makePost } from "../../../companion/store/testing/make-post.ts";
import { type HashtagDay, hashtagDaysOf } from "./hashtag-days.ts";
import { type MirrorDb, type MirrorPost, openMirrorDb } from "./mirror-db.ts";
import {
  chunkOf,
  entriesOf,
  type PostChunk,
  type PostWrite,
  preparePosts,
  readEntries,
  readNewestEntries,
  writePosts,
} from "./post-chunks.ts";
import { dayRowsOf, mirrorContents, storePosts } from "./testing/mirror-contents.ts";
import { throwawayMirrors } from "./testing/throwaway-mirrors.ts";

const slim = (id: string, hashtags: string[], createTime: number | null = 1_700_000_000): MirrorPost => {
  const { raw: _raw, ...post } = makePost({ id, hashtags, createTime });
  return post;
};

const freshDb = throwawayMirrors("post-chunks");

const byDay = (a: HashtagDay, b: HashtagDay) =>
  a.hashtag.localeCompare(b.hashtag) || String(a.day).localeCompare(String(b.day));

/** The day counts the writers kept, against a count from scratch of what the mirror holds now. */
const expectDaysRecounted = async (db: MirrorDb) =>
  expect((await dayRowsOf(db)).sort(byDay)).toEqual(
    hashtagDaysOf((await mirrorContents(db)).links).sort(byDay),
  );

describe("the mirror's chunks of posts", () => {
  it("reads a post written again as its newest copy, with every hashtag it was ever linked to", async () => {
    const db = freshDb();
    const first = await storePosts(db, [
      { id: "1", post: slim("1", ["travel"]), linkTo: ["travel"] },
      { id: "2", post: slim("2", ["food"]), linkTo: ["food"] },
    ]);
    expect(first).toEqual([undefined, undefined]);
    const edited = { ...slim("1", ["travel", "sea"]), description: "edited" };
    const second = await storePosts(db, [{ id: "1", post: edited, linkTo: ["sea"] }]);
    expect(second.map((copy) => copy?.post?.description)).toEqual([slim("1", ["travel"]).description]);
    const entries = await readNewestEntries(db);
    expect(entries.map((entry) => [entry.id, entry.post?.description, entry.linkedTo])).toEqual([
      ["1", "edited", ["travel", "sea"]],
      ["2", slim("2", ["food"]).description, ["food"]],
    ]);
    expect((await readEntries(db, ["2", "1", "3"])).map((entry) => entry?.post?.description)).toEqual([
      slim("2", ["food"]).description,
      "edited",
      undefined,
    ]);
    await expectDaysRecounted(db);
  });

  it("stores a chunk's entries as one JSON string, and says which chunk when one does not hold JSON", async () => {
    const db = freshDb();
    await storePosts(db, [{ id: "1", post: slim("1", ["travel"]), linkTo: ["travel"] }]);
    const [stored] = await db.chunks.toArray();
    expect(typeof stored?.entries).toBe("string");
    expect(JSON.parse(stored?.entries ?? "")).toEqual([
      { id: "1", post: slim("1", ["travel"]), linkedTo: ["travel"] },
    ]);
    await db.chunks.put({ seq: stored?.seq, entries: '[{"id":"1",' });
    await expect(readNewestEntries(db)).rejects.toThrow(
      `The mirror's chunk ${stored?.seq} does not hold JSON`,
    );
  });

  it("splices posts given as text into the chunk as they are, and reads them as the posts", async () => {
    const db = freshDb();
    const one = slim("1", ["travel"]);
    // Another key order than JSON.stringify(one) gives: the text must be what is stored, not a new serialisation.
    const { id: _id, ...rest } = one;
    const text = JSON.stringify({ ...rest, id: one.id });
    const written = [
      { id: "1", post: one, postText: text, linkTo: ["travel"] },
      { id: "2", post: slim("2", ["sea"]), linkTo: ["sea"] },
      { id: "3", linkTo: ["travel"] },
    ];
    await db.transaction("rw", [db.chunks, db.chunkIds, db.dayCounts], () =>
      writePosts(db, preparePosts(db, written)),
    );
    const [stored] = await db.chunks.toArray();
    expect(stored?.entries).toContain(`"post":${text},`);
    expect(entriesOf(stored as PostChunk)).toEqual([
      { id: "1", post: one, linkedTo: ["travel"] },
      { id: "2", post: slim("2", ["sea"]), linkedTo: ["sea"] },
      { id: "3", post: null, linkedTo: ["travel"] },
    ]);
    expect(chunkOf([{ id: "1", post: one, linkedTo: [] }], [text]).entries).toBe(
      `[{"id":"1","post":${text},"linkedTo":[]}]`,
    );
    await expectDaysRecounted(db);
  });

  it("folds a chunk left mostly superseded into the next write, so re-sent posts do not grow the mirror", async () => {
    const db = freshDb();
    const ids = Array.from({ length: 10 }, (_, index) => String(100 + index));
    await storePosts(
      db,
      ids.map((id) => ({ id, post: slim(id, ["travel"]), linkTo: ["travel"] })),
    );
    // Four of ten again: the first chunk still holds six newest copies and stays.
    await storePosts(
      db,
      ids.slice(0, 4).map((id) => ({ id, post: slim(id, ["travel", "sea"]), linkTo: [] })),
    );
    expect(await db.chunks.count()).toBe(2);
    // Two more: four left of ten, under half, so they move into the new chunk and the old one goes.
    await storePosts(
      db,
      ids.slice(4, 6).map((id) => ({ id, post: slim(id, ["travel", "sea"]), linkTo: [] })),
    );
    expect(await db.chunks.count()).toBe(2);
    expect(await db.chunkIds.count()).toBe(2);
    const { posts, links } = await mirrorContents(db);
    expect(posts.map((post) => post.id)).toEqual(ids);
    expect(posts.map((post) => post.hashtags.length)).toEqual([2, 2, 2, 2, 2, 2, 1, 1, 1, 1]);
    expect(links).toHaveLength(10);
    await expectDaysRecounted(db);
  });

  it("finds the posts another connection wrote (a restarted worker) and forgets what a failed write did", async () => {
    const db = freshDb();
    await storePosts(db, [{ id: "1", post: slim("1", ["travel"]), linkTo: ["travel"] }]);
    const other = openMirrorDb(db.name);
    try {
      await storePosts(other, [{ id: "1", post: slim("1", ["travel", "food"]), linkTo: ["food"] }]);
    } finally {
      other.close();
    }
    await expect(
      db.transaction("rw", [db.chunks, db.chunkIds, db.dayCounts], async () => {
        await writePosts(db, [{ id: "2", post: slim("2", ["x"]), linkTo: ["travel"] }]);
        throw new Error("the browser closed");
      }),
    ).rejects.toThrow("the browser closed");
    const [copy] = await storePosts(db, [{ id: "1", post: slim("1", ["sea"]), linkTo: [] }]);
    expect(copy?.linkedTo).toEqual(["travel", "food"]);
    const { links } = await mirrorContents(db);
    expect(links.map((link) => [link.hashtag, link.postId, link.tags])).toEqual([
      ["food", "1", ["sea"]],
      ["travel", "1", ["sea"]],
    ]);
    // What fails when the failed write's directory is kept (checked by keeping it): the writer would still hold
    // the #travel day record that write made, counting post 2, and write it back on the next write.
    await expectDaysRecounted(db);
    expect((await dayRowsOf(db)).filter((row) => row.hashtag === "travel").map((row) => row.posts)).toEqual([
      1,
    ]);
  });

  it("keeps counting right when another connection wrote the same hashtag's days between two writes", async () => {
    const db = freshDb();
    await storePosts(db, [{ id: "1", post: slim("1", ["travel"]), linkTo: ["travel"] }]);
    const other = openMirrorDb(db.name);
    try {
      await storePosts(other, [{ id: "2", post: slim("2", ["travel", "sea"]), linkTo: ["travel"] }]);
    } finally {
      other.close();
    }
    await storePosts(db, [{ id: "3", post: slim("3", ["travel"], null), linkTo: ["travel"] }]);
    expect((await dayRowsOf(db)).reduce((sum, row) => sum + row.posts, 0)).toBe(3);
    await expectDaysRecounted(db);
  });

  it("is refused outside a transaction that can write the day counts, and stores nothing then", async () => {
    const db = freshDb();
    const write: PostWrite = { id: "1", post: slim("1", ["travel"]), linkTo: ["travel"] };
    await expect(
      db.transaction("rw", [db.chunks, db.chunkIds], () => writePosts(db, [write])),
    ).rejects.toThrow(/could not be found|not part of transaction/);
    expect(await db.chunks.count()).toBe(0);
  });

  it("keeps each hashtag's day counts equal to a recount, whatever the writers store and store again", async () => {
    const write = fc.record({
      id: fc.constantFrom("1", "2", "3", "4", "5"),
      post: fc.option(
        fc.record({
          tags: fc.subarray(["travel", "Food", "#food", "sea", ""]),
          createTime: fc.constantFrom(null, 1_700_000_000, 1_700_050_000, 1_700_200_000),
        }),
        { nil: undefined },
      ),
      linkTo: fc.subarray(["travel", "sea", "food"]),
    });
    await fc.assert(
      fc.asyncProperty(
        fc.array(fc.array(write, { maxLength: 5 }), { minLength: 1, maxLength: 8 }),
        async (batches) => {
          const db = freshDb();
          for (const batch of batches)
            await storePosts(
              db,
              batch.map(({ id, post, linkTo }) => ({
                id,
                ...(post === undefined ? {} : { post: slim(id, post.tags, post.createTime) }),
                linkTo,
              })),
            );
          await expectDaysRecounted(db);
          const entries = await readNewestEntries(db);
          expect(new Set(entries.map((entry) => entry.id)).size).toBe(entries.length);
          expect(
            await readEntries(
              db,
              entries.map((entry) => entry.id),
            ),
          ).toEqual(entries);
        },
      ),
      { numRuns: 60 },
    );
  });
});
