import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import Database from "better-sqlite3";
import { afterAll, describe, expect, it } from "vitest";
import { nodeSetsSql, postIdCuts, slicesAt } from "./post-node-sets.ts";
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
    .all({ hashtag: "travel", nodes: "[]", low: 0, high: 1, from: "1", to: "2" })
    .map((row) => (row as { detail: string }).detail);

describe("nodeSetsSql's plans", () => {
  it("walks the links by post id, reading a post's tags by its key only for an unknown tag_codes", () => {
    expect(plan(nodeSetsSql("post"))).toContain("SEARCH h USING PRIMARY KEY (hashtag=?)");
    const steps = plan(nodeSetsSql("post", { from: true, to: true }));
    expect(steps).toContain("SEARCH h USING PRIMARY KEY (hashtag=? AND post_id>? AND post_id<?)");
    expect(steps).toContain("CORRELATED SCALAR SUBQUERY 2");
    expect(steps).toContain("SEARCH t USING PRIMARY KEY (post_id=?)");
    expect(steps.some((step) => /^SEARCH n USING AUTOMATIC .*INDEX \(tag=\?\)$/u.test(step))).toBe(true);
    expect(steps.join("\n")).not.toMatch(/TEMP B-TREE/u);
  });

  it("reads a range off the time index, with no sorting", () => {
    const steps = plan(nodeSetsSql("time"));
    expect(
      steps.some((step) =>
        step.includes("post_hashtags_by_time (hashtag=? AND sort_time>? AND sort_time<?)"),
      ),
    ).toBe(true);
    expect(steps.join("\n")).not.toMatch(/TEMP B-TREE/u);
  });
});

describe("postIdCuts and slicesAt", () => {
  it("cut the links into slices that cover each post once", () => {
    expect(postIdCuts(db, "travel", 10, 2)).toEqual(["105"]);
    expect(postIdCuts(db, "travel", 10, 3)).toEqual(["103", "106"]);
    expect(postIdCuts(db, "nothing", 0, 2)).toEqual([]);
    expect(slicesAt(["105"])).toEqual([{ to: "105" }, { from: "105" }]);
    expect(slicesAt(["103", "106"])).toEqual([{ to: "103" }, { from: "103", to: "106" }, { from: "106" }]);
    expect(slicesAt([])).toEqual([{}]);
  });
});
