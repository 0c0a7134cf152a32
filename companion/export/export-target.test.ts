import { execFileSync } from "node:child_process";
import { link, mkdir, mkdtemp, rm, symlink, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { checkExportTarget } from "./export-target.ts";

let parent: string;
let data: string;

beforeEach(async () => {
  parent = await mkdtemp(join(tmpdir(), "export-target-"));
  data = join(parent, "data");
  await mkdir(data);
  for (const name of ["tiktok.db", "tiktok.db-wal", "tiktok.db-shm"]) await writeFile(join(data, name), "db");
});

afterEach(async () => {
  await rm(parent, { recursive: true, force: true });
});

const check = (out: string, force = false) => checkExportTarget(out, { dataDir: data, force });

describe("checkExportTarget", () => {
  it("allows a new file, in a folder that does not exist yet", async () => {
    expect(await check(join(parent, "new", "travel.csv"))).toBe(join(parent, "new", "travel.csv"));
  });

  it("replaces an existing file only with --force", async () => {
    await writeFile(join(parent, "old.csv"), "old");
    await expect(check(join(parent, "old.csv"))).rejects.toThrow(
      `Refusing to write the export to ${join(parent, "old.csv")}: it already exists (add --force to replace it)`,
    );
    expect(await check(join(parent, "old.csv"), true)).toBe(join(parent, "old.csv"));
  });

  it("writes through a link to a regular file to the file itself", async () => {
    await writeFile(join(parent, "real.csv"), "old");
    await symlink(join(parent, "real.csv"), join(parent, "link.csv"));
    expect(await check(join(parent, "link.csv"), true)).toBe(join(parent, "real.csv"));
  });

  it.each(["tiktok.db", "tiktok.db-wal", "tiktok.db-shm", "tiktok.db-journal"])(
    "refuses the store's %s, even with --force and whether or not it exists",
    async (name) => {
      await expect(check(join(data, name), true)).rejects.toThrow(/it is the database's own file/u);
    },
  );

  it("refuses other spellings of the database: relative, with .. and ., through links, a hard link", async () => {
    const spellings = [
      join(data, "..", "data", ".", "tiktok.db"),
      `${data}//tiktok.db-wal`,
      join(parent, "data-link", "tiktok.db"),
      join(parent, "db-link"),
      join(parent, "hard-link"),
    ];
    await symlink(data, join(parent, "data-link"));
    await symlink(join(data, "tiktok.db"), join(parent, "db-link"));
    await link(join(data, "tiktok.db"), join(parent, "hard-link"));
    for (const out of spellings)
      await expect(check(out, true), out).rejects.toThrow(/it is the database's own file/u);
    const cwd = process.cwd();
    process.chdir(parent);
    try {
      await expect(check("data/tiktok.db", true)).rejects.toThrow(/database's own file/u);
    } finally {
      process.chdir(cwd);
    }
  });

  it("refuses what is not a regular file: devices, folders, named pipes, links to nowhere", async () => {
    execFileSync("mkfifo", [join(parent, "pipe")]);
    await symlink(join(parent, "nowhere"), join(parent, "dangling"));
    const cases: [string, RegExp][] = [
      ["/dev/full", /it is a device, not a regular file/u],
      ["/dev/null", /it is a device/u],
      [parent, /it is a folder/u],
      [join(parent, "pipe"), /it is a named pipe/u],
      [join(parent, "dangling"), /symbolic link to nowhere/u],
    ];
    for (const [out, error] of cases) await expect(check(out, true), out).rejects.toThrow(error);
  });
});
