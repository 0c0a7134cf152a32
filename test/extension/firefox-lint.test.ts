/**
 * The Firefox build passes Mozilla's linter (web-ext lint, the checks addons.mozilla.org runs on upload): no
 * errors, a manifest without warnings, and in the code only the two warnings bundled libraries bring.
 */
import { execFile } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { promisify } from "node:util";
import { afterAll, describe, expect, it } from "vitest";

const ROOT = fileURLToPath(new URL("../..", import.meta.url));
const run = promisify(execFile);

/**
 * zod compiles object checks with the Function constructor only where a CSP check says it may (never in the
 * extension), and Preact's dangerouslySetInnerHTML support assigns innerHTML; neither is used with page data.
 */
const LIBRARY_WARNINGS = new Set(["DANGEROUS_EVAL", "UNSAFE_VAR_ASSIGNMENT"]);

interface LintMessage {
  code: string;
  file?: string;
  message: string;
}

const outDir = mkdtempSync(join(tmpdir(), "firefox-lint-"));
afterAll(() => rmSync(outDir, { recursive: true, force: true }));

describe("the Firefox build", () => {
  it("passes web-ext lint", async () => {
    // Its own folder: builds running beside this test would otherwise swap files under the linter.
    await run("npx", ["wxt", "build", "-b", "firefox"], {
      cwd: ROOT,
      env: { ...process.env, EXTENSION_OUT_DIR: outDir },
    });
    const { stdout } = await run(
      join(ROOT, "node_modules/.bin/web-ext"),
      ["lint", "--source-dir", join(outDir, "firefox-mv3"), "--output", "json", "--no-input"],
      { cwd: ROOT, maxBuffer: 32 * 1024 * 1024 },
    );
    const report = JSON.parse(stdout) as { errors: LintMessage[]; warnings: LintMessage[] };
    const brief = (messages: LintMessage[]) => messages.map((m) => `${m.code} ${m.file ?? ""}: ${m.message}`);
    expect(brief(report.errors)).toEqual([]);
    expect(
      brief(report.warnings.filter((m) => m.file === "manifest.json" || !LIBRARY_WARNINGS.has(m.code))),
    ).toEqual([]);
  }, 240_000);
});
