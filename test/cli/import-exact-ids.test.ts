import { writeFileSync } from "node:fs";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import type { ImportSummary } from "../../companion/import/import-file.ts";
import { openSqliteStore } from "../../companion/store/sqlite-store.ts";
import { runCli, tempFolders } from "./cli-harness.ts";

const temp = tempFolders();
afterAll(() => temp.cleanup());

const ZERO = '{"id":"7300000000000000000","desc":"zero"}';
const A = '{"id":7300000000000000401,"desc":"four-oh-one"}';
const B = '{"id":7300000000000000402,"desc":"four-oh-two"}';

/** The case: as doubles all three ids are 7300000000000000000, and the posts merged into one row. */
const shapes: [string, string, string][] = [
  ["a JSON list (streamed)", "posts.json", `[${ZERO},\n${A},\n${B}]`],
  ["an item_list response (read whole)", "response.json", `{\n"itemList": [${ZERO}, ${A}, ${B}]\n}`],
  ["NDJSON", "posts.ndjson", `${ZERO}\n${A}\n${B}\n`],
  [
    "a saved page",
    "page.html",
    `<html><script id="SIGI_STATE" type="application/json">{"ItemModule":{"a":${ZERO},"b":${A},"c":${B}}}</script></html>`,
  ],
];

describe("import keeps big integer ids exact", () => {
  it.each(shapes)("from %s: three posts, three rows, each with its own text", async (_, name, content) => {
    const file = join(temp.make(), name);
    writeFileSync(file, content);
    const dataDir = join(temp.make(), "data");
    const result = await runCli(["--data-dir", dataDir, "--json", "import", "--hashtag", "travel", file]);
    expect(result.stderr).toBe("");
    expect(result.code).toBe(0);
    const [summary] = JSON.parse(result.stdout) as ImportSummary[];
    expect(summary).toMatchObject({ new: 3, rejected: 0 });
    const store = openSqliteStore(dataDir);
    try {
      expect(store.countPosts("travel")).toBe(3);
      expect(
        ["7300000000000000000", "7300000000000000401", "7300000000000000402"].map(
          (id) => store.getPost(id)?.description,
        ),
      ).toEqual(["zero", "four-oh-one", "four-oh-two"]);
    } finally {
      store.close();
    }
  });
});
