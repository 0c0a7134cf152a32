import "fake-indexeddb/auto";
import { afterEach, describe, expect, it } from "vitest";
import { openMirrorDb } from "../../common/mirror/mirror-db.ts";
import { writePosts } from "../../common/mirror/post-chunks.ts";
import type { MirrorSnapshot } from "../views/dashboard-source.ts";
import { mirrorSource } from "./mirror-source.ts";

const db = openMirrorDb(`mirror-source-${Date.now()}`);
afterEach(async () => {
  await db.delete();
});

describe("mirrorSource", () => {
  it("sends a new snapshot, with a new version, when the background writes to the mirror", async () => {
    const snapshots: MirrorSnapshot[] = [];
    const versions: string[] = [];
    const stopVersions = mirrorSource(db).watchPosts(
      (state) => versions.push(state.version),
      (error) => {
        throw error;
      },
    );
    const stop = mirrorSource(db).watch(
      (snapshot) => snapshots.push(snapshot),
      (error) => {
        throw error;
      },
    );
    await expect.poll(() => snapshots.length).toBe(1);
    expect(snapshots[0]).toMatchObject({ hashtags: [], runs: [] });
    await db.transaction("rw", [db.chunks, db.chunkIds, db.dayCounts, db.meta], async () => {
      await writePosts(db, [{ id: "1", linkTo: ["travel"] }]);
      await db.meta.put({ key: "syncCursor", value: "17" });
    });
    await expect.poll(() => snapshots.at(-1)?.hashtags.map((row) => row.hashtag)).toEqual(["travel"]);
    await expect.poll(() => versions).toEqual(["", "17"]);
    stopVersions();
    stop();
  });
});
