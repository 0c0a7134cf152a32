import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import Database from "better-sqlite3";
import { afterAll, describe, expect, it } from "vitest";
import { NODE_SETS_SQL } from "./post-node-sets.ts";
import { openSqliteStore } from "./sqlite-store.ts";
import { makePost } from "./testing/make-post.ts";

const dir = mkdtempSync(join(tmpdir(), "tha-node-sets-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const store = openSqliteStore(dir);
store.upsertPosts(
  "travel",
  Array.from({ length: 10 }, (_, i) => makePost({ id: String(100 + i), hashtags: ["travel", "a"] })),
);
store.close();
const db = new Database(join(dir, "tiktok.db"), { readonly: true });
afterAll(() => db.close());

const plan = (sql: string) =>
  db
    .prepare(`EXPLAIN QUERY PLAN ${sql}`)
    .all({ hashtag: "travel", nodes: "[]", low: 0, high: 1 })
    .map((row) => (row as { detail: string }).detail);

describe("NODE_SETS_SQL's plan", () => {
  it("reads the range's links straight off the table, a post's tags by its key only for an unknown tag_codes", () => {
    const steps = plan(NODE_SETS_SQL);
    expect(steps).toContain("SEARCH h USING PRIMARY KEY (hashtag=? AND sort_time>? AND sort_time<?)");
    expect(steps).toContain("CORRELATED SCALAR SUBQUERY 2");
    expect(steps).toContain("SEARCH t USING PRIMARY KEY (post_id=?)");
    expect(steps.some((step) => /^SEARCH n USING AUTOMATIC .*INDEX \(tag=\?\)$/u.test(step))).toBe(true);
    expect(steps.join("\n")).not.toMatch(/TEMP B-TREE|INDEX post_hashtags/u);
  });
});
