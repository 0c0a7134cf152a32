import { closeSync, openSync, writeFileSync, writeSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { afterAll, describe, expect, it } from "vitest";
import type { ImportSummary } from "../../companion/import/import-file.ts";
import { dumpTables } from "../../companion/store/testing/dump-tables.ts";
import { runCli, sharedFixture, tempFolders } from "./cli-harness.ts";

const temp = tempFolders();
afterAll(() => temp.cleanup());

const csvFixture = (name: string): string =>
  fileURLToPath(new URL(`../../shared/post/fixtures/csv/${name}`, import.meta.url));

const importJson = async (dataDir: string, ...args: string[]) => {
  const result = await runCli(["--data-dir", dataDir, "--json", "import", "--hashtag", "travel", ...args]);
  expect(result.stderr).toBe("");
  expect(result.code).toBe(0);
  return JSON.parse(result.stdout) as ImportSummary[];
};

describe("CSV imports", () => {
  it("reads tiktok-scraper's, Apify's and 4CAT's CSVs, refusing spreadsheet-mangled ids by line", async () => {
    const dataDir = join(temp.make(), "data");
    const summaries = await importJson(
      dataDir,
      csvFixture("tiktok-scraper.csv"),
      csvFixture("apify-tiktok-scraper.csv"),
      csvFixture("4cat-tiktok.csv"),
    );
    expect(summaries.map((summary) => [summary.format, summary.new, summary.rejected])).toEqual([
      ["csv", 2, 0],
      ["csv", 2, 0],
      ["csv", 2, 2],
    ]);
    expect(summaries[2]?.rejections).toEqual([
      expect.stringMatching(/^line 4: the id "7,35E\+18" is in exponent notation/u),
      expect.stringMatching(/^line 5: the id "7\.35E\+18" is in exponent notation/u),
    ]);
    const ids = dumpTables(dataDir).posts?.map((row) => (row as { id: string }).id);
    expect(ids).toHaveLength(6);
    expect(ids?.every((id) => /^\d{19}$/u.test(id))).toBe(true);
  });

  it("reads back our own `export --format csv`", async () => {
    const first = join(temp.make(), "data");
    await importJson(first, sharedFixture("item-list-response.json"));
    const exported = await runCli(["--data-dir", first, "export", "travel", "--format", "csv"]);
    expect(exported.code).toBe(0);
    const file = join(temp.make(), "travel.csv");
    writeFileSync(file, exported.stdout);
    const second = join(temp.make(), "data");
    const [summary] = await importJson(second, file);
    expect(summary).toMatchObject({ format: "csv", new: 5, rejected: 0 });
    const columns = (dataDir: string) =>
      dumpTables(dataDir).posts?.map((row) => {
        const { id, description, create_time } = row as Record<string, unknown>;
        return [id, description, create_time];
      });
    expect(columns(second)).toEqual(columns(first));
  });

  it("refuses a CSV whose columns it cannot map, or that breaks the CSV grammar, storing nothing", async () => {
    const dataDir = join(temp.make(), "data");
    const unknown = join(temp.make(), "people.csv");
    writeFileSync(unknown, "name,age\nada,36\n");
    const refused = await runCli(["--data-dir", dataDir, "import", "--hashtag", "travel", unknown]);
    expect(refused.stderr).toMatch(
      /^error: [^\n]*people\.csv is a CSV we cannot map: it has no "id" column\n$/u,
    );
    expect(refused.code).toBe(1);
    const broken = join(temp.make(), "broken.csv");
    writeFileSync(broken, 'id,body,tiktok_url\n7300000000000000001,fine,\n7300000000000000002,"unclosed,\n');
    const failed = await runCli(["--data-dir", dataDir, "import", "--hashtag", "travel", broken]);
    expect(failed.stderr).toMatch(/^error: [^\n]*broken\.csv is not valid CSV: [^\n]+\n$/u);
    expect(failed.code).toBe(1);
    const listing = await runCli(["--data-dir", dataDir, "--json", "hashtags"]);
    expect(JSON.parse(listing.stdout)).toEqual([]);
  });

  it("refuses a row that an unclosed quote stretches past 64 MB, with its line", async () => {
    const file = join(temp.make(), "unclosed.csv");
    const fd = openSync(file, "w");
    writeSync(fd, 'id,body,tiktok_url\n7300000000000000001,fine,\n7300000000000000002,"never closed\n');
    const block = Buffer.alloc(1024 * 1024, 97);
    for (let i = 0; i < 65; i++) writeSync(fd, block);
    closeSync(fd);
    const dataDir = join(temp.make(), "data");
    const result = await runCli(["--data-dir", dataDir, "--json", "import", "--hashtag", "travel", file]);
    expect(result.stderr).toMatch(
      /^error: [^\n]*unclosed\.csv line 3 starts a row longer than 64 MB \(an unclosed quote\?\); nothing was imported[^\n]*\n$/u,
    );
    expect(result.code).toBe(1);
  });
});
