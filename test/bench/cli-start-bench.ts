/**
 * CLI start benchmark (not a test): `--help`, and `frequencies travel` on a small store (the seed-data fixture,
 * imported by each checkout's own CLI), through each checkout's companion/bin.js as a user runs it. The checkouts
 * take turns run by run; the median and p90 of each are printed with the load average, and every checkout must
 * print the same (the same help, the same table).
 *
 *   npx tsx test/bench/cli-start-bench.ts [--roots /tmp/before,$PWD] [--runs 20]
 *
 * On a shared machine wrap it in `flock /tmp/bench.lock ...` so two benches never overlap.
 */
import { spawnSync } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import { parseArgs } from "node:util";
import { alternatedRunTimes, type CliJob } from "./cli-start.ts";
import { formatRunTimes } from "./run-times.ts";

const HERE = fileURLToPath(new URL(".", import.meta.url));
const SEED_DATA = resolve(HERE, "../cli/fixtures/seed-data");

const { values } = parseArgs({
  options: {
    roots: { type: "string", default: resolve(HERE, "../..") },
    runs: { type: "string", default: "20" },
  },
});
const roots = values.roots.split(",").map((root) => resolve(root));
const runs = Number(values.runs);
if (!Number.isInteger(runs) || runs < 1) throw new Error(`--runs must be a whole number, got ${values.runs}`);

/** Whether the checkout runs its bundle or its sources (stale or missing bundle): a figure means little without it. */
const bundleState = async (root: string): Promise<string> => {
  const layout = pathToFileURL(join(root, "companion/build/bundle-layout.js")).href;
  const { staleReason } = (await import(layout)) as { staleReason: () => string | null };
  const stale = staleReason();
  return stale === null ? "bundle" : `from source: the bundle ${stale}`;
};

const work = mkdtempSync(join(tmpdir(), "cli-start-bench-"));
try {
  const jobs: CliJob[] = [];
  for (const [i, root] of roots.entries()) {
    // One store per checkout, made by its own CLI (its own schema), the same posts in each.
    const dataDir = join(work, `data-${i}`);
    const imported = spawnSync(
      process.execPath,
      [join(root, "companion/bin.js"), "--data-dir", dataDir, "--json", "import", SEED_DATA],
      { encoding: "utf8" },
    );
    if (imported.status !== 0) throw new Error(`${root}: importing ${SEED_DATA} failed:\n${imported.stderr}`);
    jobs.push({ label: "--help", root, args: ["--help"] });
    jobs.push({ label: "frequencies travel", root, args: ["--data-dir", dataDir, "frequencies", "travel"] });
  }
  const states = await Promise.all(roots.map(bundleState));
  const results = alternatedRunTimes(jobs, runs);
  for (const label of new Set(results.map((result) => result.label))) {
    const outputs = new Set(
      results.filter((result) => result.label === label).map((result) => result.stdout),
    );
    if (outputs.size > 1)
      process.stderr.write(`warning: the checkouts print different output for ${label}\n`);
  }
  const load = results[0]!.load;
  process.stdout.write(
    `${new Date().toISOString()}, load average ${load[0].toFixed(2)} before, ${load[1].toFixed(2)} after, ${runs} runs each, alternated\n`,
  );
  for (const [i, root] of roots.entries()) {
    process.stdout.write(`${root} (${states[i]})\n`);
    for (const result of results.filter((entry) => entry.root === root))
      process.stdout.write(`  ${result.label.padEnd(20)} ${formatRunTimes(result.times)}\n`);
  }
  console.log(
    JSON.stringify({
      cliStart: results.map(({ stdout: _, ...result }) => ({
        ...result,
        state: states[roots.indexOf(result.root)],
      })),
    }),
  );
} finally {
  rmSync(work, { recursive: true, force: true });
}
