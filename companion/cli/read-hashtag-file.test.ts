import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { readHashtagFile } from "./read-hashtag-file.ts";

const dir = mkdtempSync(join(tmpdir(), "tha-tags-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const list = (text: string) => {
  const path = join(dir, "hashtags.txt");
  writeFileSync(path, text);
  return path;
};

describe("readHashtagFile", () => {
  it("reads one hashtag per line or comma-separated, skipping comments, normalised", () => {
    expect(readHashtagFile(list("# my list\nTravel, #cairo\n\n東京\ntravel\n"))).toEqual([
      "travel",
      "cairo",
      "東京",
    ]);
  });

  it("names the first junk line and how many more there are", () => {
    expect(() => readHashtagFile(list("travel\nnot one\n../x\n"))).toThrow(
      /hashtags\.txt line 2: Invalid hashtag "not one": it contains whitespace \(one hashtag per entry\) \(and 1 more bad lines\)$/,
    );
  });

  it("refuses a missing file and one listing no hashtag", () => {
    expect(() => readHashtagFile(join(dir, "none.txt"))).toThrow(/Hashtag file .*none\.txt does not exist/);
    expect(() => readHashtagFile(list("# nothing\n\n"))).toThrow(/lists no hashtags/);
  });
});
