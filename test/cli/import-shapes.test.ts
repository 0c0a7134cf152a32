import { writeFileSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { afterAll, describe, expect, it } from "vitest";
import type { ImportSummary } from "../../companion/import/import-file.ts";
import { dumpTables } from "../../companion/store/testing/dump-tables.ts";
import { runCli, tempFolders } from "./cli-harness.ts";

const temp = tempFolders();
afterAll(() => temp.cleanup());

const shape = (name: string): string =>
  fileURLToPath(new URL(`../../shared/post/fixtures/shapes/${name}`, import.meta.url));
const file = (name: string, content: string): string => {
  const path = join(temp.make(), name);
  writeFileSync(path, content);
  return path;
};

describe("import reads every TikTok data shape", () => {
  it("imports each shape's posts, with big ids exact", async () => {
    const names = [
      "next-data-video-page.html",
      "next-data-tag-page.json",
      "web-api-2020.json",
      "search-response.json",
      "envelope-data-itemlist.json",
      "envelope-data-data.json",
      "aweme-detail.json",
      "research-api-response.json",
      "research-api.ndjson",
    ];
    const dataDir = join(temp.make(), "data");
    const result = await runCli([
      "--data-dir",
      dataDir,
      "--json",
      "import",
      "--hashtag",
      "travel",
      ...names.map(shape),
    ]);
    expect(result.stderr).toBe("");
    expect(result.code).toBe(0);
    const summaries = JSON.parse(result.stdout) as ImportSummary[];
    expect(summaries.map((summary) => [summary.format, summary.new, summary.rejected])).toEqual([
      ["html", 1, 0],
      ["json-document", 2, 0],
      ["json-document", 2, 0],
      ["json-document", 2, 0],
      ["json-document", 1, 0],
      ["json-document", 2, 0],
      ["json-document", 1, 0],
      ["json-document", 2, 0],
      ["ndjson", 2, 0],
    ]);
    const ids = dumpTables(dataDir).posts?.map((row) => (row as { id: string }).id);
    expect(ids).toEqual(
      expect.arrayContaining(["7412345678901234567", "7412345678901234570", "6824194134115486983"]),
    );
  });
});

describe("honest results", () => {
  const failing = async (path: string) => {
    const dataDir = join(temp.make(), "data");
    const result = await runCli(["--data-dir", dataDir, "import", "--hashtag", "travel", path]);
    expect(result.stderr).toMatch(/^error: [^\n]+\n$/u);
    expect(result.code).toBe(1);
    expect(result.stdout).toBe("");
    return result.stderr;
  };

  it("fails a file with no readable post, naming its keys and the closest shape", async () => {
    const stderr = await failing(file("odd.json", '{\n"statusCode": 0,\n"body": {"hasMore": false}\n}\n'));
    expect(stderr).toMatch(
      /odd\.json: no post could be read; all 1 record\(s\) were rejected \(first: the document: not a post or a known TikTok response: an object with the keys "statusCode", "body" \(closest known shape: the 2020 web API/u,
    );
  });

  it("fails a file whose every record is rejected, with the first reason", async () => {
    const stderr = await failing(file("bad.json", '[{"id":"../../x"},{"id":1.5}]'));
    expect(stderr).toMatch(
      /bad\.json: no post could be read; all 2 record\(s\) were rejected \(first: item 1: the id "\.\.\/\.\.\/x" is not a string of digits\)/u,
    );
  });

  it("says a page's data script holds no posts, rather than that there is none", async () => {
    const page = `<script id="__NEXT_DATA__" type="application/json">{"props":{"pageProps":{"statusCode":10216}}}</script>`;
    expect(await failing(file("private.html", page))).toMatch(
      /private\.html is a page whose data script has no posts: __NEXT_DATA__ is an object with the keys "props"/u,
    );
    expect(await failing(file("blank.html", "<html><body>nothing</body></html>"))).toMatch(
      /no data script found/u,
    );
  });

  it("reports a one-line JSON document as a document", async () => {
    const compact = file(
      "compact.json",
      '{"itemList":[{"id":"7300000000000000001"},{"id":"7300000000000000002"}]}\n',
    );
    const dataDir = join(temp.make(), "data");
    const result = await runCli(["--data-dir", dataDir, "--json", "import", "--hashtag", "travel", compact]);
    expect(JSON.parse(result.stdout)).toMatchObject([{ format: "json-document", new: 2 }]);
    expect(await failing(file("broken.json", '{"itemList":[{"id":"1"},]}\n'))).toMatch(
      /broken\.json is not valid JSON at line 1/u,
    );
  });

  it("counts posts, not files, in the summary line", async () => {
    const dataDir = join(temp.make(), "data");
    const result = await runCli([
      "--data-dir",
      dataDir,
      "import",
      "--hashtag",
      "travel",
      shape("web-api-2020.json"),
      shape("research-api.ndjson"),
    ]);
    expect(result.stdout).toBe(
      "Imported 4 posts from 2 files: 4 new, 0 already stored, 0 rejected, 0 videos\n",
    );
  });
});
