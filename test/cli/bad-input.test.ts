import { chmodSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { dumpTables } from "../../companion/store/testing/dump-tables.ts";
import { type CliResult, fixture, runCli, sharedFixture, tempFolders } from "./cli-harness.ts";

const temp = tempFolders();
afterAll(() => temp.cleanup());

/** A failure the way the issue wants it: exit code 1 and exactly one line on stderr, no stack trace. */
const expectOneLineError = (result: CliResult, message: RegExp): void => {
  expect(result.stderr).toMatch(/^error: [^\n]+\n$/u);
  expect(result.stderr).toMatch(message);
  expect(result.code).toBe(1);
};

let dataDir: string;
let before: Record<string, unknown[]>;
const cli = (...args: string[]) => runCli(["--data-dir", dataDir, ...args]);
const file = (name: string, content: string): string => {
  const path = join(temp.make(), name);
  writeFileSync(path, content);
  return path;
};

beforeAll(async () => {
  dataDir = join(temp.make(), "data");
  expect((await cli("import", sharedFixture("zeeschuimer.ndjson"))).code).toBe(0);
  before = dumpTables(dataDir);
});

describe("bad input leaves the store untouched", () => {
  const zeeschuimerLine = readFileSync(sharedFixture("zeeschuimer.ndjson"), "utf8").split("\n")[0] ?? "";
  const seedData = readFileSync(fixture("seed-data", "travel", "posts", "data.json"), "utf8");

  it.each([
    [
      "a corrupt NDJSON line (after a good one)",
      () => [
        "import",
        file("broken.ndjson", `${zeeschuimerLine.replace("7301234567890123456", "1")}\n{"id": "2", oops\n`),
      ],
      /broken\.ndjson line 2 is not valid JSON/,
    ],
    [
      "a truncated JSON list",
      () => [
        "import",
        "--hashtag",
        "travel",
        file("data.json", seedData.slice(0, Math.floor(seedData.length / 2))),
      ],
      /data\.json ends inside item \d+ \(truncated\?\)/,
    ],
    [
      "a JSON list with garbage in the middle",
      () => ["import", "--hashtag", "travel", file("data.json", seedData.replace('"secretID"', "secretID"))],
      /data\.json item 1 is not valid JSON: .*at position \d+/,
    ],
    [
      "a corrupt JSON document",
      () => [
        "import",
        "--hashtag",
        "travel",
        file("response.json", '{\n  "itemList": [\n    {"id": "1"},\n    {"id": \n'),
      ],
      /response\.json is not valid JSON/,
    ],
    [
      "a missing file",
      () => ["import", "/nonexistent/posts.json"],
      /\/nonexistent\/posts\.json does not exist/,
    ],
    [
      "posts whose hashtag cannot be told",
      () => ["import", sharedFixture("posts.json")],
      /posts\.json item 1: cannot tell which hashtag post 7301234567890123456 was collected for; pass --hashtag/,
    ],
    [
      "a seed folder with a folder not named after a hashtag",
      () => {
        const root = temp.make();
        for (const name of ["good", "bad name"]) {
          mkdirSync(join(root, name));
          writeFileSync(join(root, name, "posts.json"), readFileSync(sharedFixture("posts.json")));
        }
        return ["import", root];
      },
      /bad name is not named after a hashtag: Invalid hashtag "bad name"/,
    ],
    [
      "an unknown hashtag",
      () => ["frequencies", "nope"],
      /No posts stored for #nope \(hashtags with posts: travel\)/,
    ],
    ["an unknown hashtag to export", () => ["export", "nope"], /No posts stored for #nope/],
    ["an invalid hashtag", () => ["frequencies", "../etc"], /Invalid hashtag "\.\.\/etc"/],
    [
      "no posts in the date range",
      () => ["frequencies", "travel", "--until", "2001-01-01"],
      /No posts for #travel until 2001-01-01T23:59:59Z/,
    ],
    ["n of 0", () => ["frequencies", "travel", "0"], /n must be a whole number of at least 1, got "0"/],
    [
      "a hashtag file with junk lines",
      () => ["frequencies", "--file", file("tags.txt", "travel\ncairo\nnot a hashtag\n$$$\n")],
      /tags\.txt line 3: Invalid hashtag "not a hashtag": it contains whitespace \(one hashtag per entry\) \(and 1 more bad lines\)/,
    ],
    [
      "a plot file that cannot be written",
      () => ["frequencies", "travel", "-p", "--out", join(file("plain-file", ""), "x.png")],
      /Cannot write .*plain-file\/x\.png: a file stands where its folder should be \(EEXIST\)/,
    ],
  ])("%s", async (_name, args, message) => {
    expectOneLineError(await cli(...args()), message);
    expect(dumpTables(dataDir)).toEqual(before);
  });

  it("rejects an unknown export format with commander's message", async () => {
    const result = await cli("export", "travel", "--format", "xml");
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(
      /error: option '--format <format>' argument 'xml' is invalid. Allowed choices are csv, ndjson, json/,
    );
  });
});

describe("bad data folders", () => {
  it("reports a missing data folder to read from", async () => {
    const missing = join(temp.make(), "nothing-here");
    expectOneLineError(
      await runCli(["--data-dir", missing, "frequencies", "travel"]),
      new RegExp(`The data folder ${missing} does not exist`),
    );
  });

  it("reports a data folder whose parent is missing", async () => {
    const missing = join(temp.make(), "no", "data");
    expectOneLineError(
      await runCli(["--data-dir", missing, "import", sharedFixture("zeeschuimer.ndjson")]),
      /Cannot create the data folder .*: its parent folder does not exist/,
    );
  });

  it("reports an empty store", async () => {
    const empty = join(temp.make(), "data");
    // An empty list is no import (non-zero, saying so), but it leaves the store created and empty.
    expectOneLineError(
      await runCli(["--data-dir", empty, "import", "--hashtag", "travel", file("none.json", "[]")]),
      /none\.json: no post could be read; found an empty list/,
    );
    expectOneLineError(await runCli(["--data-dir", empty, "export", "travel"]), /has no posts yet/);
  });

  it("reports a folder without a database", async () => {
    expectOneLineError(await runCli(["--data-dir", temp.make(), "hashtags"]), /has no database yet/);
  });

  it("reports an unwritable data folder and imports nothing", async () => {
    const parent = temp.make();
    const locked = join(parent, "data");
    expect((await runCli(["--data-dir", locked, "import", sharedFixture("zeeschuimer.ndjson")])).code).toBe(
      0,
    );
    const unchanged = dumpTables(locked);
    chmodSync(parent, 0o755);
    chmodSync(locked, 0o555);
    // root ignores permissions, so as root the CLI runs as "nobody" to meet them like any user.
    const uid = process.getuid?.() === 0 ? 65534 : undefined;
    const result = await runCli(
      ["--data-dir", locked, "import", "--hashtag", "x", sharedFixture("posts.json")],
      { uid },
    );
    chmodSync(locked, 0o755);
    expectOneLineError(result, /Cannot write to the data folder .*: permission denied/);
    expect(dumpTables(locked)).toEqual(unchanged);
  });
});
