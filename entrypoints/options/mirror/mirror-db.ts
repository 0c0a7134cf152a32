import Dexie from "dexie";
import type { MirrorTables } from "./mirror-reader.ts";

export const MIRROR_DB_NAME = "tiktok-hashtag-analysis";

/**
 * The mirror's IndexedDB, opened by the page and by the counting worker alike (IndexedDB is shared by every
 * context of the extension's origin). The background worker fills it from the companion's sync feed.
 */
export const openMirrorDb = (name = MIRROR_DB_NAME): Dexie & MirrorTables => {
  const db = new Dexie(name) as Dexie & MirrorTables;
  db.version(1).stores({
    posts: "id",
    links: "[hashtag+postId], hashtag, postId",
    runs: "id, hashtag, startedAt",
    follows: "hashtag",
    videos: "postId, hashtag",
  });
  return db;
};
