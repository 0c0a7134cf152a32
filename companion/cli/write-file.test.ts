import { mkdtemp, readdir, readFile, rm, symlink, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { writeFileAtomically } from "./write-file.ts";

let folder: string;

beforeEach(async () => {
  folder = await mkdtemp(join(tmpdir(), "write-file-"));
});

afterEach(async () => {
  await rm(folder, { recursive: true, force: true });
});

describe("writeFileAtomically", () => {
  it("replaces a file only once all of it is written", async () => {
    const file = join(folder, "out.csv");
    await writeFile(file, "the old export\n");
    function* failing() {
      yield "half of the new";
      throw new Error("the database went away");
    }
    await expect(writeFileAtomically(file, failing())).rejects.toThrow("the database went away");
    expect(await readFile(file, "utf8")).toBe("the old export\n");
    expect(await readdir(folder)).toEqual(["out.csv"]);
    await writeFileAtomically(file, ["new\n"]);
    expect(await readFile(file, "utf8")).toBe("new\n");
    expect(await readdir(folder)).toEqual(["out.csv"]);
  });

  it("never writes through a file or link left where a fixed temporary name would be", async () => {
    const file = join(folder, "out.csv");
    await writeFile(join(folder, "victim"), "keep me");
    await symlink(join(folder, "victim"), `${file}.part`);
    await writeFileAtomically(file, ["new\n"]);
    expect(await readFile(join(folder, "victim"), "utf8")).toBe("keep me");
  });
});
