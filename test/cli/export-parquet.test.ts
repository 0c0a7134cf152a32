import { join } from "node:path";
import { DuckDBInstance } from "@duckdb/node-api";
import { parse } from "csv-parse/sync";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { POST_CSV_COLUMNS } from "../../shared/export/post-csv.ts";
import { runCli, seedFolder, tempFolders } from "./cli-harness.ts";

const temp = tempFolders();
let dataDir: string;
let folder: string;
const cli = (...args: string[]) => runCli(["--data-dir", dataDir, ...args]);

/** DuckDB reads the file: an independent Parquet reader, as a DuckDB, pandas or R user's would be. */
const duck = async (sql: string) => {
  const instance = await DuckDBInstance.create(":memory:");
  const connection = await instance.connect();
  try {
    return (await connection.runAndReadAll(sql)).getRowObjectsJson();
  } finally {
    connection.closeSync();
    instance.closeSync();
  }
};

beforeAll(async () => {
  folder = temp.make();
  dataDir = join(folder, "data");
  expect((await cli("import", seedFolder(temp))).code).toBe(0);
});
afterAll(() => temp.cleanup());

describe("export --format parquet", () => {
  it("writes the CSV's columns with proper types, the same values, read back by DuckDB", async () => {
    const file = join(folder, "travel.parquet");
    const exported = await cli("export", "travel", "--format", "parquet", "--out", file);
    expect(exported).toMatchObject({ code: 0, stderr: `Exported 32 posts of #travel to ${file}\n` });
    const types = await duck(`DESCRIBE SELECT * FROM '${file}'`);
    expect(types.map((row) => [row.column_name, row.column_type])).toEqual(
      POST_CSV_COLUMNS.map((column) => [
        column,
        {
          author_followers: "BIGINT",
          unix_timestamp: "BIGINT",
          likes: "BIGINT",
          comments: "BIGINT",
          shares: "BIGINT",
          plays: "BIGINT",
          saves: "BIGINT",
          timestamp: "TIMESTAMP",
          hashtags: "VARCHAR[]",
          images: "VARCHAR[]",
          is_ad: "BOOLEAN",
        }[column as string] ?? "VARCHAR",
      ]),
    );

    const csv = parse((await cli("export", "travel", "--format", "csv")).stdout, { columns: true }) as Record<
      string,
      string
    >[];
    const rows = await duck(`SELECT * FROM '${file}'`);
    expect(rows).toHaveLength(csv.length);
    const asCsv = (value: unknown, column: string): string => {
      if (value === null) return "";
      if (Array.isArray(value)) return value.join(",");
      if (column === "is_ad") return value ? "yes" : "no";
      return String(value);
    };
    rows.forEach((row, i) => {
      for (const column of POST_CSV_COLUMNS)
        expect(asCsv(row[column], column), column).toBe(csv[i]?.[column]);
    });
  });

  it("keeps 19-digit ids as text", async () => {
    const file = join(folder, "exact.parquet");
    await cli("export", "travel", "--format", "parquet", "--out", file);
    const [row] = await duck(`SELECT typeof(id) AS t, id FROM '${file}' ORDER BY id LIMIT 1`);
    expect(row).toEqual({ t: "VARCHAR", id: "6900000000000000001" });
  });

  it("refuses to write over the database or an existing file without --force", async () => {
    const refused = await cli("export", "travel", "--format", "parquet", "--out", join(dataDir, "tiktok.db"));
    expect(refused.code).toBe(1);
    expect(refused.stderr).toMatch(/database's own file/);
    const file = join(folder, "twice.parquet");
    expect((await cli("export", "travel", "--format", "parquet", "--out", file)).code).toBe(0);
    expect((await cli("export", "travel", "--format", "parquet", "--out", file)).stderr).toMatch(/--force/);
  });
});
