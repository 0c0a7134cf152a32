import { openSqliteStore } from "../../companion/store/sqlite-store.ts";
import { parseItemStruct } from "../../shared/post/parse-item-struct.ts";
import type { Post } from "../../shared/post/post.ts";
import { generatePosts } from "../fake-tiktok/index.ts";

const BATCH = 5000;

/**
 * Fills a data folder with `count` posts of one hashtag from the fake TikTok's generator (realistic text,
 * co-occurring hashtags and stats, the same every time for a seed), as one finished collection run.
 */
export const seedBenchStore = (dataDir: string, hashtag: string, count: number, seed = 1): void => {
  const store = openSqliteStore(dataDir);
  try {
    const run = store.startRun(hashtag, "benchmark");
    let batch: Post[] = [];
    const flush = () => {
      store.upsertPosts(hashtag, batch, { runId: run });
      batch = [];
    };
    const source = { kind: "web-api", url: null, collectedAt: "2025-06-01T00:00:00.000Z" } as const;
    for (const item of generatePosts({ seed, size: count, tag: hashtag })) {
      const result = parseItemStruct(item, source);
      if (!result.ok) throw new Error(`The generator made a post the parser refuses: ${result.reason}`);
      batch.push(result.post);
      if (batch.length === BATCH) flush();
    }
    flush();
    store.finishRun(run, { postsNew: count, postsSeen: 0 });
  } finally {
    store.close();
  }
};
