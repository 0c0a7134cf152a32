/**
 * What unpacking the json column costs the sync stream (not a test): seeds N posts (seed-bench-store.ts), copies
 * the store with its json column unpacked back to TEXT (which the readers still accept), and builds every
 * stream page of both (changeFeed().changesSinceLines, 10,000 changes a page), taking turns; prints the best of
 * the rounds for each and the difference per post, with the load average.
 *
 *   npx tsx test/bench/feed-unpack-bench.ts [--posts 20000] [--rounds 8]
 */
import { copyFileSync, mkdtempSync, rmSync } from "node:fs";
import { loadavg, tmpdir } from "node:os";
import { join } from "node:path";
import { parseArgs } from "node:util";
import Database from "better-sqlite3";
import { changeFeed } from "../../companion/store/change-feed.ts";
import { databasePath } from "../../companion/store/paths.ts";
import { slimJsonOf } from "../../companion/store/post-row.ts";
import { seedBenchStore } from "./seed-bench-store.ts";

const { values } = parseArgs({
  options: { posts: { type: "string", default: "20000" }, rounds: { type: "string", default: "8" } },
});
const count = Number(values.posts);
const rounds = Number(values.rounds);

const packedDir = mkdtempSync(join(tmpdir(), "feed-unpack-packed-"));
const textDir = mkdtempSync(join(tmpdir(), "feed-unpack-text-"));
try {
  seedBenchStore(packedDir, "benchtag", count);
  copyFileSync(databasePath(packedDir), databasePath(textDir));
  const copy = new Database(databasePath(textDir));
  copy.function("unpacked", (json) => slimJsonOf(json as string | Uint8Array));
  // The copy only: its feed must stay as seeded, so the trigger goes first.
  copy.exec("DROP TRIGGER post_updated; UPDATE posts SET json = unpacked(json)");
  copy.close();

  const stores = {
    packed: new Database(databasePath(packedDir), { readonly: true }),
    text: new Database(databasePath(textDir), { readonly: true }),
  };
  const best = { packed: Number.POSITIVE_INFINITY, text: Number.POSITIVE_INFINITY };
  const loadBefore = loadavg()[0]!.toFixed(2);
  for (let round = 0; round < rounds; round++)
    for (const name of ["packed", "text"] as const) {
      const feed = changeFeed(stores[name]);
      const start = process.hrtime.bigint();
      for (let cursor = 0, more = true; more; ) {
        const page = feed.changesSinceLines(cursor, 10_000);
        cursor = page.nextCursor;
        more = page.hasMore;
      }
      best[name] = Math.min(best[name], Number(process.hrtime.bigint() - start) / 1e6);
    }
  for (const db of Object.values(stores)) db.close();
  console.log(
    `${count} posts, every stream page, best of ${rounds} (load average ${loadBefore} -> ${loadavg()[0]!.toFixed(2)}): ` +
      `json packed ${best.packed.toFixed(0)} ms, as TEXT ${best.text.toFixed(0)} ms, ` +
      `${(((best.packed - best.text) * 1000) / count).toFixed(2)} µs a post for unpacking`,
  );
} finally {
  rmSync(packedDir, { recursive: true, force: true });
  rmSync(textDir, { recursive: true, force: true });
}
