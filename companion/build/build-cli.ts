import { mkdir, rm, writeFile } from "node:fs/promises";
import { fileURLToPath } from "node:url";
import { build } from "esbuild";
import { BUNDLE_DIR, type BundleManifest, MANIFEST_NAME, ROOT } from "./bundle-layout.js";
import { type StartupFiles, startupFiles } from "./startup-files.ts";

const ENTRY = "companion/build/cli-entry.ts";
/** The import's reading thread starts from a file of its own (read-in-thread.ts finds it beside its chunk). */
const IMPORT_THREAD_ENTRY = "companion/import/import-thread.ts";

/**
 * Native addons cannot be bundled; the browser driver, the scraper and the chart renderer are large and only
 * some commands load them, so they stay in node_modules and load when used.
 */
const EXTERNAL = ["better-sqlite3", "canvas", "chart.js", "puppeteer-core", "tiktok-scraper"];

/**
 * Bundles the CLI into companion/dist so bin.js starts without compiling TypeScript. The manifest lists every
 * source file that went in and when the build started, so bin.js can tell a bundle older than its sources.
 * Also returns what every start loads before a command's action (`startup`), the figure a new static import
 * into a command's definition would grow.
 */
export const buildCli = async (
  outdirUrl: URL = BUNDLE_DIR,
): Promise<{ manifest: BundleManifest; startup: StartupFiles }> => {
  const builtAt = Date.now();
  const outdir = fileURLToPath(outdirUrl);
  await rm(outdir, { recursive: true, force: true });
  const result = await build({
    absWorkingDir: fileURLToPath(ROOT),
    entryPoints: { cli: ENTRY, "import-thread": IMPORT_THREAD_ENTRY },
    outdir,
    bundle: true,
    // Commands load their heavy parts with import(); as separate chunks, `--help` does not parse them.
    splitting: true,
    format: "esm",
    platform: "node",
    target: "node20",
    external: EXTERNAL,
    metafile: true,
    logLevel: "warning",
    // CommonJS dependencies (express, ...) require() Node's own modules, which ESM output cannot without this.
    banner: {
      js: 'import { createRequire as __cr } from "node:module"; const require = __cr(import.meta.url);',
    },
  });
  const inputs = Object.keys(result.metafile.inputs)
    .filter((input) => !input.includes("node_modules/"))
    .sort();
  const manifest: BundleManifest = { builtAt, inputs };
  await mkdir(outdir, { recursive: true });
  // Written last: while it is missing, bin.js runs the sources rather than a half-written bundle.
  await writeFile(new URL(MANIFEST_NAME, outdirUrl), `${JSON.stringify(manifest)}\n`);
  return { manifest, startup: startupFiles(result.metafile, ENTRY) };
};

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const { manifest, startup } = await buildCli();
  process.stdout.write(
    `CLI bundled from ${manifest.inputs.length} source files into companion/dist; a start loads ${startup.files.length} of its files (${Math.round(startup.bytes / 1024)} KB) before the command's own\n`,
  );
}
