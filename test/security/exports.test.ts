/**
 * Hostile `export --out` targets: the store's own files under any spelling, devices, folders, pipes, links,
 * existing files. Each must be refused with a clear error and exit code 1, touching nothing; and hashtags named
 * like Object's own properties must come out of every export. Run with `npx vitest run test/security`.
 */
import { execFileSync } from "node:child_process";
import { existsSync, lstatSync, readFileSync, statSync } from "node:fs";
import { link, mkdir, symlink, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { openSqliteStore } from "../../companion/store/sqlite-store.ts";
import { makePost } from "../../companion/store/testing/make-post.ts";
import { runCli, tempFolders } from "../cli/cli-harness.ts";

const temp = tempFolders();
let parent: string;
let data: string;

const storedPosts = (hashtag: string): number => {
  const store = openSqliteStore(data);
  try {
    return store.countPosts(hashtag);
  } finally {
    store.close();
  }
};

const exportTo = (out: string, ...more: string[]) =>
  runCli(["--data-dir", data, "export", "travel", "--format", "csv", "--out", out, ...more]);

beforeAll(async () => {
  parent = temp.make("security-exports-");
  data = join(parent, "data");
  await mkdir(data);
  const store = openSqliteStore(data);
  try {
    store.upsertPosts(
      "travel",
      [1, 2, 3].map((n) => makePost({ id: `730000000000000000${n}`, hashtags: ["travel"] })),
    );
    for (const tag of ["__proto__", "constructor", "tostring"])
      store.upsertPosts(tag, [makePost({ id: "7300000000000000009", hashtags: [tag] })]);
  } finally {
    store.close();
  }
});

afterAll(() => temp.cleanup());

describe("export --out refuses the store's own files, with or without --force", () => {
  it.each([
    ["the database", () => join(data, "tiktok.db")],
    ["its -wal", () => join(data, "tiktok.db-wal")],
    ["its -shm", () => join(data, "tiktok.db-shm")],
    ["its -journal (even absent)", () => join(data, "tiktok.db-journal")],
    ["the database spelled with .. and .", () => join(data, "..", "data", ".", "tiktok.db")],
    ["the database spelled with //", () => `${data}//tiktok.db`],
  ])("%s", async (_what, out) => {
    for (const force of [[], ["--force"]]) {
      const result = await exportTo(out(), ...force);
      expect(result.code).toBe(1);
      expect(result.stderr).toBe(
        `error: Refusing to write the export to ${out()}: it is the database's own file, writing it would destroy it\n`,
      );
    }
    expect(readFileSync(join(data, "tiktok.db")).subarray(0, 15).toString()).toBe("SQLite format 3");
    expect(storedPosts("travel")).toBe(3);
  });

  it("through a link to the database, a linked data folder, or a hard link", async () => {
    const links = temp.make();
    await symlink(join(data, "tiktok.db"), join(links, "db-link.csv"));
    await symlink(data, join(links, "data-link"));
    await link(join(data, "tiktok.db"), join(links, "hard-link.csv"));
    for (const out of [
      join(links, "db-link.csv"),
      join(links, "data-link", "tiktok.db-wal"),
      join(links, "hard-link.csv"),
    ]) {
      const result = await exportTo(out, "--force");
      expect(result.code, out).toBe(1);
      expect(result.stderr).toMatch(/it is the database's own file/u);
    }
    expect(lstatSync(join(links, "db-link.csv")).isSymbolicLink()).toBe(true);
    expect(storedPosts("travel")).toBe(3);
  });
});

describe("frequencies --out (table or plot) refuses the same targets", () => {
  it.each([
    ["the table over the database", ["-d"], () => join(data, "tiktok.db"), /it is the database's own file/u],
    ["the plot over -wal", ["-p"], () => `${data}/../data/tiktok.db-wal`, /it is the database's own file/u],
    ["the table over /dev/full", ["-d"], () => "/dev/full", /it is a device, not a regular file/u],
  ])("%s", async (_what, mode, out, why) => {
    const result = await runCli(["--data-dir", data, "frequencies", "travel", ...mode, "--out", out()]);
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(why);
    expect(storedPosts("travel")).toBe(3);
  });
});

describe("export --out refuses what is not a regular file", () => {
  it("devices, folders, named pipes, links to nowhere: refused, and left as they were", async () => {
    const folder = temp.make();
    execFileSync("mkfifo", [join(folder, "pipe")]);
    await symlink(join(folder, "nowhere"), join(folder, "dangling.csv"));
    const cases: [string, RegExp][] = [
      ["/dev/full", /it is a device, not a regular file/u],
      ["/dev/null", /it is a device, not a regular file/u],
      [folder, /it is a folder, not a regular file/u],
      [join(folder, "pipe"), /it is a named pipe, not a regular file/u],
      [join(folder, "dangling.csv"), /it is a symbolic link to nowhere/u],
    ];
    for (const [out, why] of cases) {
      const result = await exportTo(out, "--force");
      expect(result.code, out).toBe(1);
      expect(result.stderr).toMatch(why);
    }
    expect(statSync("/dev/full").isCharacterDevice()).toBe(true);
    expect(statSync(join(folder, "pipe")).isFIFO()).toBe(true);
    expect(existsSync(join(folder, "nowhere"))).toBe(false);
  });
});

describe("export --out and existing files", () => {
  it("keeps an existing file unless --force, then replaces it whole; '-' is stdout", async () => {
    const file = join(temp.make(), "travel.csv");
    await writeFile(file, "an earlier export\n");
    const refused = await exportTo(file);
    expect(refused.code).toBe(1);
    expect(refused.stderr).toBe(
      `error: Refusing to write the export to ${file}: it already exists (add --force to replace it)\n`,
    );
    expect(readFileSync(file, "utf8")).toBe("an earlier export\n");
    const forced = await exportTo(file, "--force");
    expect(forced.code).toBe(0);
    expect(readFileSync(file, "utf8").trim().split("\n")).toHaveLength(4);
    const stdout = await exportTo("-");
    expect(stdout.code).toBe(0);
    expect(stdout.stdout).toBe(readFileSync(file, "utf8"));
    expect(existsSync("-")).toBe(false);
  });
});

describe("hashtags named like Object's own properties", () => {
  it.each(["__proto__", "constructor", "tostring"])(
    "#%s comes out of the ndjson export and the seed layout",
    async (tag) => {
      const ndjson = await runCli(["--data-dir", data, "export", tag, "--format", "ndjson"]);
      expect(ndjson.code).toBe(0);
      expect(ndjson.stdout).toContain("7300000000000000009");
      const out = join(temp.make(), "seed");
      const seed = await runCli(["--data-dir", data, "export", tag, "--layout", "seed", "--out", out]);
      expect(seed.code).toBe(0);
      const ids = JSON.parse(readFileSync(join(out, "ids", "post_ids.json"), "utf8"));
      expect(Object.getOwnPropertyDescriptor(ids, tag)?.value).toEqual(["7300000000000000009"]);
    },
  );
});
