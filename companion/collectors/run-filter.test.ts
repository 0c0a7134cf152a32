import { describe, expect, it } from "vitest";
import type { ParseResult, Post } from "../../shared/post/post.ts";
import type { CollectProgress } from "./collector.ts";
import { RunFilter } from "./run-filter.ts";

const post = (id: string, createTime: number | null = 1_700_000_000): ParseResult => ({
  ok: true,
  post: { id, createTime } as Post,
});
const ids = (posts: Post[]) => posts.map((item) => item.id);

describe("RunFilter", () => {
  it("keeps each post once per run and counts rejected items", () => {
    const filter = new RunFilter("travel", { limit: null, since: null });
    expect(ids(filter.accept([post("1"), post("2"), { ok: false, reason: "post has no id" }]))).toEqual([
      "1",
      "2",
    ]);
    expect(ids(filter.accept([post("2"), post("3")]))).toEqual(["3"]);
    expect(filter.count).toBe(3);
    expect(filter.rejected).toBe(1);
  });

  it("drops posts created before since, keeping undated ones", () => {
    const filter = new RunFilter("travel", { limit: null, since: 1_600_000_000 });
    expect(
      ids(filter.accept([post("old", 1_500_000_000), post("new", 1_650_000_000), post("undated", null)])),
    ).toEqual(["new", "undated"]);
  });

  it("stops at the limit", () => {
    const filter = new RunFilter("travel", { limit: 2, since: null });
    expect(ids(filter.accept([post("1"), post("2"), post("3")]))).toEqual(["1", "2"]);
    expect(filter.full).toBe(true);
    expect(filter.accept([post("4")])).toEqual([]);
  });

  it("reports progress with pages read", () => {
    const reports: CollectProgress[] = [];
    const filter = new RunFilter("travel", { limit: 10, since: null, onProgress: (p) => reports.push(p) });
    filter.pageRead();
    filter.accept([post("1"), post("2")]);
    expect(reports.at(-1)).toEqual({ hashtag: "travel", collected: 2, limit: 10, pages: 1 });
  });
});
