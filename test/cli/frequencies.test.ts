import { readdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { loadImage } from "canvas";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { fixture, runCli, seedFolder, tempFolders } from "./cli-harness.ts";
import { pngFacts } from "./png-facts.ts";

const temp = tempFolders();
let dataDir: string;
const cli = (...args: string[]) => runCli(["--data-dir", dataDir, ...args]);

beforeAll(async () => {
  dataDir = join(temp.make(), "data");
  const imported = await cli("import", seedFolder(temp));
  expect(imported.code).toBe(0);
});
afterAll(() => temp.cleanup());

describe("frequencies -d", () => {
  it("prints the seed's table byte for byte (default n = 20)", async () => {
    const result = await cli("frequencies", "travel");
    expect(result).toEqual({
      code: 0,
      stdout: readFileSync(fixture("expected", "frequencies-travel-20.txt"), "utf8"),
      stderr: "",
    });
  });

  it("shows n rows, the hashtag itself included, whether n is positional or --number", async () => {
    const expected = readFileSync(fixture("expected", "frequencies-travel-5.txt"), "utf8");
    expect((await cli("frequencies", "travel", "5", "-d")).stdout).toBe(expected);
    expect((await cli("frequencies", "#Travel", "--number", "5")).stdout).toBe(expected);
  });

  it("gives the same numbers as JSON", async () => {
    const result = await cli("--json", "frequencies", "travel", "3");
    expect(result.code).toBe(0);
    expect(JSON.parse(result.stdout)).toEqual({
      hashtag: "travel",
      totalPosts: 32,
      rows: [
        { rank: 0, hashtag: "travel", count: 31, ratio: 31 / 32 },
        { rank: 1, hashtag: "fyp", count: 6, ratio: 6 / 32 },
        { rank: 2, hashtag: "cairo", count: 5, ratio: 5 / 32 },
      ],
      plot: null,
    });
  });

  it("limits the posts to --since/--until (inclusive days, UTC)", async () => {
    // Post i was created at 1600000000 + i days: 2020-09-13T12:26:40Z for the first.
    const result = await cli(
      "--json",
      "frequencies",
      "travel",
      "--since",
      "2020-09-14",
      "--until",
      "2020-09-16",
    );
    expect(JSON.parse(result.stdout).totalPosts).toBe(3);
  });

  it("analyses every hashtag of a --file list", async () => {
    const list = join(temp.make(), "hashtags.txt");
    writeFileSync(list, "# followed hashtags\ntravel\nCairo\n");
    const result = await cli("--json", "frequencies", "--file", list, "--number", "2");
    expect(JSON.parse(result.stdout).map((table: { hashtag: string }) => table.hashtag)).toEqual([
      "travel",
      "cairo",
    ]);
  });

  it("writes the table to --out", async () => {
    const out = join(temp.make(), "table.txt");
    const result = await cli("frequencies", "travel", "5", "--out", out);
    expect(result).toMatchObject({ code: 0, stdout: "" });
    expect(readFileSync(out, "utf8")).toBe(
      readFileSync(fixture("expected", "frequencies-travel-5.txt"), "utf8"),
    );
  });
});

describe("frequencies -p", () => {
  it("saves a non-blank PNG bar chart under data/<tag>/plots/", async () => {
    const result = await cli("frequencies", "travel", "8", "-p");
    expect(result.code).toBe(0);
    expect(result.stdout).toBe("");
    const plots = readdirSync(join(dataDir, "travel", "plots"));
    expect(plots).toHaveLength(1);
    expect(plots[0]).toMatch(/^travel_\d{4}_\d\d_\d\d_\d\d_\d\d_\d\d\.png$/);
    expect(result.stderr).toBe(`Plot saved to ${join(dataDir, "travel", "plots", plots[0] ?? "")}\n`);

    const png = readFileSync(join(dataDir, "travel", "plots", plots[0] ?? ""));
    const facts = await pngFacts(png);
    expect(facts.signature).toBe(true);
    expect(facts.width).toBe(1000);
    expect(facts.height).toBe(600);
    expect(facts.distinctColours).toBeGreaterThan(20);
    // The bars are drawn in the seed's blue.
    expect(facts.share("#4c72b0")).toBeGreaterThan(0.05);
    expect(facts.share("#ffffff")).toBeGreaterThan(0.4);
  });

  it("writes the plot to --out and reports it in JSON, with the table alongside", async () => {
    const out = join(temp.make(), "chart.png");
    const result = await cli("--json", "frequencies", "travel", "-p", "-d", "--out", out);
    expect(JSON.parse(result.stdout)).toMatchObject({ hashtag: "travel", plot: out });
    const image = await loadImage(readFileSync(out));
    expect([image.width, image.height]).toEqual([1000, 750]);
  });
});
