import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { exportLines } from "../../../companion/export/export-lines.ts";
import { openSqliteStore } from "../../../companion/store/sqlite-store.ts";
import { makePost } from "../../../companion/store/testing/make-post.ts";
import { parseZeeschuimerLine } from "../../../shared/post/parse-zeeschuimer-line.ts";
import type { DashboardPost } from "../analysis/analyse-hashtag.ts";
import { NO_FILTER, type Selection } from "../selection/selection.ts";
import { exportFileName, exportSelection, UTF8_BOM } from "./selection-export.ts";

const T0 = 1_735_689_600; // 2025-01-01
const posts = [
  makePost({ id: "9", hashtags: ["travel", "food"], createTime: T0 + 100 }),
  makePost({
    id: "10",
    hashtags: ["travel"],
    createTime: T0 + 100,
    desc: '=HYPERLINK("http://evil") "quoted"\nline',
  }),
  makePost({ id: "11", hashtags: ["travel", "日本"], createTime: null }),
  makePost({ id: "12", hashtags: ["travel", "food"], createTime: T0 - 100 }),
];
const slim: DashboardPost[] = posts.map(({ raw: _raw, ...post }) => post);
const all: Selection = { hashtag: "travel", range: {}, filter: NO_FILTER };

const dataDir = mkdtempSync(join(tmpdir(), "dashboard-export-"));
const store = openSqliteStore(dataDir);
store.upsertPosts("travel", posts);
afterAll(() => {
  store.close();
  rmSync(dataDir, { recursive: true, force: true });
});

describe("exportSelection", () => {
  it("writes the CLI's CSV byte for byte after a BOM, whatever order the posts come in", () => {
    const cli = [...exportLines(store, "travel", "csv")].join("");
    expect(exportSelection([...slim].reverse(), all, "csv", "")).toBe(UTF8_BOM + cli);
    expect(cli).toContain(`"'=HYPERLINK(""http://evil"") ""quoted""\nline"`);
  });

  it("writes the CLI's CSV for a date range", () => {
    const range = { since: T0 };
    const cli = [...exportLines(store, "travel", "csv", range)].join("");
    expect(exportSelection(slim, { ...all, range }, "csv", "")).toBe(UTF8_BOM + cli);
  });

  it("narrows the export to the filtered posts", () => {
    const csv = exportSelection(slim, { ...all, filter: { text: "", coHashtag: "food" } }, "csv", "");
    expect(csv.split("\r\n").map((line) => line.split(",")[0])).toEqual([`${UTF8_BOM}id`, "12", "9", ""]);
  });

  it("writes NDJSON that reads back as the same posts, linked to the hashtag's tag page", () => {
    const lines = exportSelection(slim, all, "ndjson", "2025-02-01T00:00:00.000Z").trimEnd().split("\n");
    const parsed = lines.map(parseZeeschuimerLine);
    expect(parsed.map((result) => (result.ok ? result.post.id : result.reason))).toEqual([
      "12",
      "10",
      "9",
      "11",
    ]);
    for (const result of parsed) {
      if (!result.ok) continue;
      const original = slim.find((post) => post.id === result.post.id);
      expect(result.post.hashtags).toEqual(original?.hashtags);
      expect(result.post.description).toEqual(original?.description);
      expect(result.post.source.url).toBe("https://www.tiktok.com/tag/travel");
    }
  });
});

describe("exportFileName", () => {
  it("names the hashtag, the range and whether the posts were filtered", () => {
    expect(exportFileName(all, "csv")).toBe("travel.csv");
    expect(exportFileName({ ...all, range: { since: T0 } }, "ndjson")).toBe("travel_2025-01-01_end.ndjson");
    expect(exportFileName({ ...all, filter: { text: "x", coHashtag: "" } }, "png")).toBe(
      "travel_filtered.png",
    );
  });
});
