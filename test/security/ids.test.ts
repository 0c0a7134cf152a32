/**
 * Hostile post ids: each is tried through the parsers and through a real `import`, and must be refused with
 * its reason, storing nothing and writing no file. Run with `npx vitest run test/security`.
 */
import { readdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import type { ImportSummary } from "../../companion/import/import-file.ts";
import { dumpTables } from "../../companion/store/testing/dump-tables.ts";
import { parseJson } from "../../shared/json/parse-json.ts";
import { parseDocument, parseRecord } from "../../shared/post/parse-any.ts";
import { runCli, tempFolders } from "../cli/cli-harness.ts";

const temp = tempFolders();
afterAll(() => temp.cleanup());

/** [what it is, the id as JSON source text (a string or a bare number), the reason it must be refused] */
const HOSTILE: [string, string, RegExp][] = [
  ["a path out of the data folder", '"../../../../tmp/x"', /not a string of digits/u],
  ["the parent folder", '".."', /not a string of digits/u],
  ["an exponent as text", '"1e21"', /exponent notation/u],
  ["an exponent as a number", "1e21", /beyond 2\^53/u],
  ["a negative number", "-1", /negative/u],
  ["a negative as text", '"-1"', /negative/u],
  ["a negative big integer", "-7300000000000000401", /negative/u],
  ["a fraction", "1.5", /fraction/u],
  ["a fraction as text", '"1.5"', /fraction/u],
  ["21 digits", '"123456789012345678901"', /21 digits, more than 20/u],
  ["21 digits as a number", "123456789012345678901", /21 digits, more than 20/u],
  ["Arabic-Indic digits", '"٧٣٠٠"', /non-ASCII digits/u],
  ["full-width digits", '"７３００"', /non-ASCII digits/u],
  ["empty", '""', /empty/u],
  ["only whitespace", '"   "', /whitespace/u],
  ["digits with a newline", '"7300\\n"', /whitespace/u],
  ["a NUL byte", '"7300\\u0000.mp4"', /not a string of digits/u],
  ["__proto__", '"__proto__"', /not a string of digits/u],
  ["an object", '{"id":"1"}', /is a object, not digits/u],
  ["true", "true", /is a boolean, not digits/u],
  ["null", "null", /post has no id/u],
];

const GOOD_ID = "7300000000000000001";

describe.each(HOSTILE)("the id %s (%s)", (_, idSource, reason) => {
  const shapes = {
    "a web ItemStruct": `{"id":${idSource},"desc":"#x"}`,
    "a tiktok-scraper item": `{"id":${idSource},"text":"#x","authorMeta":{"name":"a"}}`,
    "a Zeeschuimer record": `{"data":{"id":${idSource}},"timestamp_collected":1700000000000,"source_platform_url":"https://www.tiktok.com/tag/x"}`,
  };

  it.each(Object.entries(shapes))("is refused in %s by parseRecord and parseDocument", (_, record) => {
    const refusal = { ok: false, reason: expect.stringMatching(reason) };
    expect(parseRecord(parseJson(record))).toEqual(refusal);
    expect(parseDocument(parseJson(`[${record}]`))).toEqual([refusal]);
    expect(parseDocument(parseJson(`{"collector":[${record}]}`))).toEqual([refusal]);
  });

  it("is refused in an item_list response and a SIGI_STATE page state", () => {
    const refusal = { ok: false, reason: expect.stringMatching(reason) };
    expect(parseDocument(parseJson(`{"itemList":[${shapes["a web ItemStruct"]}]}`))).toEqual([refusal]);
    expect(parseDocument(parseJson(`{"ItemModule":{"k":${shapes["a web ItemStruct"]}}}`))).toEqual([refusal]);
  });

  it("is refused by `import`, which stores only the good post beside it and writes no file", async () => {
    const folder = temp.make();
    const file = join(folder, "hostile.json");
    writeFileSync(file, `[{"id":"${GOOD_ID}","desc":"good"},{"id":${idSource},"desc":"bad"}]`);
    const dataDir = join(folder, "data");
    const result = await runCli(["--data-dir", dataDir, "--json", "import", "--hashtag", "x", file]);
    expect(result.stderr).toBe("");
    const [summary] = JSON.parse(result.stdout) as ImportSummary[];
    expect(summary).toMatchObject({ new: 1, rejected: 1 });
    expect(summary?.rejections).toEqual([
      expect.stringMatching(new RegExp(`^item 2: .*${reason.source}`, "u")),
    ]);
    expect(dumpTables(dataDir).posts).toEqual([expect.objectContaining({ id: GOOD_ID })]);
    expect(readdirSync(folder).sort()).toEqual(["data", "hostile.json"]);
    expect(readdirSync(dataDir).filter((name) => !name.startsWith("tiktok.db"))).toEqual([]);
  });
});
