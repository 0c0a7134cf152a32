import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { readSeedIds } from "./seed-ids.ts";

const dir = mkdtempSync(join(tmpdir(), "tha-seed-ids-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const file = (content: string) => {
  const path = join(dir, `${Math.random().toString(36).slice(2)}.json`);
  writeFileSync(path, content);
  return path;
};

describe("readSeedIds", () => {
  it("keeps bare-number ids exact", async () => {
    const ids = await readSeedIds(file('{"travel": [7300000000000000401, "7300000000000000402", 12]}'));
    expect(ids).toEqual(new Map([["travel", ["7300000000000000401", "7300000000000000402", "12"]]]));
  });

  it.each([
    [
      '"../../../../tmp/x"',
      /id 1 of "travel" is refused: the id "\.\.\/\.\.\/\.\.\/\.\.\/tmp\/x" is not a string of digits/u,
    ],
    ["1.5", /id 1 of "travel" is refused: the id 1\.5 is a fraction/u],
    ["-1", /negative/u],
    ['""', /empty/u],
  ])("refuses the whole file for an id %s, since ids name video files", async (id, reason) => {
    await expect(readSeedIds(file(`{"travel": [${id}]}`))).rejects.toThrow(reason);
  });
});
