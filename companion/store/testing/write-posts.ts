/**
 * Child-process helper for store tests: `write-posts.ts <dataDir> <prefix> <count> [crash]` upserts posts in
 * small transactions; with "crash" it then kills itself in the middle of an open transaction (post <prefix>999999).
 * The prefix is digits, so that every id is a valid TikTok id.
 */
import { openSqliteStore } from "../sqlite-store.ts";
import { makePost } from "./make-post.ts";

const [dataDir = "", prefix = "1", countText = "10", mode = ""] = process.argv.slice(2);
const count = Number(countText);
const store = openSqliteStore(dataDir);
const batch = 10;
for (let start = 0; start < count; start += batch) {
  const posts = Array.from({ length: Math.min(batch, count - start) }, (_, i) =>
    makePost({ id: `${prefix}${start + i}`, hashtags: ["travel", prefix] }),
  );
  store.upsertPosts("travel", posts);
}
if (mode === "crash") {
  await store.atomically(async () => {
    store.upsertPosts("travel", [makePost({ id: `${prefix}999999`, hashtags: ["travel"] })]);
    process.kill(process.pid, "SIGKILL");
  });
}
store.close();
