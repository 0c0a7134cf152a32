import { mkdtemp, rm, utimes, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { afterEach, describe, expect, it } from "vitest";
import { buildCli } from "./build-cli.ts";
import { staleReason } from "./bundle-layout.js";

const cleanup: string[] = [];
afterEach(async () => {
  for (const dir of cleanup.splice(0)) await rm(dir, { recursive: true, force: true });
});

describe("buildCli", () => {
  it("bundles a CLI that builds the same program as the sources, and lists its source files", async () => {
    // Two levels under the checkout, like companion/dist, so the bundle finds package.json where the sources do.
    const outdir = new URL(`../dist-test-${process.pid}/`, import.meta.url);
    cleanup.push(outdir.pathname);
    const { manifest, startup } = await buildCli(outdir);
    expect(manifest.inputs).toContain("companion/cli.ts");
    expect(manifest.inputs).toContain("companion/store/sqlite-store.ts");
    expect(manifest.inputs).toContain("companion/import/import-thread.ts");
    expect(manifest.inputs.some((input) => input.includes("node_modules"))).toBe(false);
    expect(staleReason(new URL("manifest.json", outdir))).toBeNull();

    const bundle = await import(new URL("cli.js", outdir).href);
    const fromSource = await import("../cli.ts");
    expect(bundle.buildProgram().helpInformation()).toBe(fromSource.buildProgram().helpInformation());
    expect(bundle.buildProgram().version()).toBe(fromSource.buildProgram().version());

    // A start (`--help` whole) loads commander and the commands' definitions; each action, and the store, zod
    // and the importers behind it, loads when its command runs.
    expect(startup.inputs).toContain("companion/commands/frequencies.ts");
    expect(startup.inputs.some((input) => input.includes("node_modules/commander/"))).toBe(true);
    const heavy =
      /companion\/(store|import|server|download)\/|commands\/\w+-action\.ts$|node_modules\/(zod|csv-parse|express)\//u;
    expect(startup.inputs.filter((input) => heavy.test(input))).toEqual([]);
  });
});

describe("staleReason", () => {
  const setUp = async (builtAt: number) => {
    const root = await mkdtemp(join(tmpdir(), "bundle-"));
    cleanup.push(root);
    await writeFile(join(root, "a.ts"), "");
    const manifest = join(root, "manifest.json");
    await writeFile(manifest, JSON.stringify({ builtAt, inputs: ["a.ts"] }));
    return { manifest: pathToFileURL(manifest), root: pathToFileURL(`${root}/`), source: join(root, "a.ts") };
  };

  it("is null while every source file is older than the build", async () => {
    const { manifest, root, source } = await setUp(Date.now());
    await utimes(source, new Date(Date.now() - 60_000), new Date(Date.now() - 60_000));
    expect(staleReason(manifest, root)).toBeNull();
  });

  it("names a source file changed after the build", async () => {
    const { manifest, root } = await setUp(Date.now() - 60_000);
    expect(staleReason(manifest, root)).toBe("is older than a.ts (npm run build:cli rebuilds it)");
  });

  it("names a source file that is gone, and a missing build", async () => {
    const { manifest, root, source } = await setUp(Date.now());
    await rm(source);
    expect(staleReason(manifest, root)).toMatch(/with a\.ts, which is gone/u);
    expect(staleReason(new URL("missing.json", root), root)).toMatch(/^is not built/u);
  });
});
