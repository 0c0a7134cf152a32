import type { Metafile } from "esbuild";
import { describe, expect, it } from "vitest";
import { startupFiles } from "./startup-files.ts";

type Output = Metafile["outputs"][string];
const output = (
  bytes: number,
  inputs: string[],
  imports: Output["imports"],
  entryPoint?: string,
): Output => ({
  bytes,
  inputs: Object.fromEntries(inputs.map((input) => [input, { bytesInOutput: 1 }])),
  imports,
  exports: [],
  ...(entryPoint === undefined ? {} : { entryPoint }),
});

const metafile: Metafile = {
  inputs: {},
  outputs: {
    "dist/cli.js": output(
      100,
      ["companion/cli.ts", "node_modules/commander/index.js"],
      [
        { path: "dist/chunk-a.js", kind: "import-statement" },
        { path: "dist/frequencies-action.js", kind: "dynamic-import" },
        { path: "better-sqlite3", kind: "import-statement", external: true },
      ],
      "companion/build/cli-entry.ts",
    ),
    "dist/chunk-a.js": output(
      10,
      ["shared/hashtag/hashtag.ts"],
      [{ path: "dist/chunk-c.js", kind: "import-statement" }],
    ),
    "dist/chunk-c.js": output(
      1,
      ["companion/cli/user-error.ts"],
      [{ path: "dist/chunk-a.js", kind: "import-statement" }],
    ),
    "dist/frequencies-action.js": output(
      500,
      ["companion/commands/frequencies-action.ts"],
      [{ path: "dist/chunk-store.js", kind: "import-statement" }],
    ),
    "dist/chunk-store.js": output(5000, ["companion/store/sqlite-store.ts"], []),
  },
};

describe("startupFiles", () => {
  it("follows the entry's static imports, cycles included, and stops at import() and externals", () => {
    expect(startupFiles(metafile, "companion/build/cli-entry.ts")).toEqual({
      files: ["dist/cli.js", "dist/chunk-a.js", "dist/chunk-c.js"],
      bytes: 111,
      inputs: [
        "companion/cli.ts",
        "companion/cli/user-error.ts",
        "node_modules/commander/index.js",
        "shared/hashtag/hashtag.ts",
      ],
    });
  });

  it("names an entry point the build did not have", () => {
    expect(() => startupFiles(metafile, "companion/cli.ts")).toThrow(
      "No output has the entry point companion/cli.ts",
    );
  });
});
