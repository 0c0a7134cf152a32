import { readFileSync, statSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { afterAll, describe, expect, it } from "vitest";
import { openSqliteStore } from "../../companion/store/sqlite-store.ts";
import { writeBigImportFile } from "./big-import-file.ts";
import { runCli, tempFolders } from "./cli-harness.ts";

const temp = tempFolders();
afterAll(() => temp.cleanup());

const HEAP_LIMIT_MB = 64;
const probe = fileURLToPath(new URL("heap-probe.mjs", import.meta.url));

/** Imports through the real CLI with V8's heap capped, and reports the peak heap the probe saw. */
const importWithCappedHeap = async (file: string, ...options: string[]) => {
  const dir = temp.make();
  const dataDir = join(dir, "data");
  const peakFile = join(dir, "peak.json");
  process.env.HEAP_PROBE_OUT = peakFile;
  const result = await runCli(["--data-dir", dataDir, "--json", "import", ...options, file], {
    nodeOptions: ["--import", probe, `--max-old-space-size=${HEAP_LIMIT_MB}`],
  });
  delete process.env.HEAP_PROBE_OUT;
  expect(result.stderr).toBe("");
  expect(result.code).toBe(0);
  const store = openSqliteStore(dataDir);
  const stored = store.countPosts("big");
  store.close();
  const { peakHeapUsed } = JSON.parse(readFileSync(peakFile, "utf8")) as { peakHeapUsed: number };
  return { summary: JSON.parse(result.stdout)[0], stored, peakMb: peakHeapUsed / 2 ** 20 };
};

describe("importing large files streams them", () => {
  it("imports 100k Zeeschuimer posts (~70 MB) with the heap capped below the file's size", async () => {
    const file = join(temp.make(), "big.ndjson");
    const bytes = await writeBigImportFile(file, 100_000, "ndjson");
    expect(statSync(file).size).toBe(bytes);
    expect(bytes / 2 ** 20).toBeGreaterThan(HEAP_LIMIT_MB);
    const { summary, stored, peakMb } = await importWithCappedHeap(file);
    expect(summary).toMatchObject({ new: 100_000, rejected: 0 });
    expect(stored).toBe(100_000);
    expect(peakMb).toBeLessThan(HEAP_LIMIT_MB);
    console.info(`NDJSON: ${(bytes / 2 ** 20).toFixed(1)} MB file, peak heap ${peakMb.toFixed(1)} MB`);
  }, 120_000);

  it("imports a 30k-post JSON list that JSON.parse could not hold in the capped heap", async () => {
    const file = join(temp.make(), "data.json");
    const bytes = await writeBigImportFile(file, 30_000, "json-array");
    const { summary, stored, peakMb } = await importWithCappedHeap(file, "--hashtag", "big");
    expect(summary).toMatchObject({ format: "json-array", new: 30_000 });
    expect(stored).toBe(30_000);
    expect(peakMb).toBeLessThan(HEAP_LIMIT_MB);
    console.info(`JSON list: ${(bytes / 2 ** 20).toFixed(1)} MB file, peak heap ${peakMb.toFixed(1)} MB`);
  }, 120_000);
});
