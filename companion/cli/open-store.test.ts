import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { openStoreForCli } from "./open-store.ts";
import { UserError } from "./user-error.ts";

const root = mkdtempSync(join(tmpdir(), "tha-open-"));
afterAll(() => rmSync(root, { recursive: true, force: true }));

describe("openStoreForCli", () => {
  it("creates a missing data folder for writing when its parent exists", () => {
    const store = openStoreForCli(join(root, "data"), "write");
    expect(store.dataDir).toBe(join(root, "data"));
    store.close();
    const again = openStoreForCli(join(root, "data"), "read");
    expect(again.totalPosts()).toBe(0);
    again.close();
  });

  it.each([
    ["a missing folder to read", join(root, "missing"), "read", /The data folder .*missing does not exist/],
    ["a folder without a database", root, "read", /has no database yet/],
    [
      "a folder whose parent is missing",
      join(root, "no", "data"),
      "write",
      /its parent folder does not exist/,
    ],
  ] as const)("refuses %s", (_name, dir, mode, message) => {
    expect(() => openStoreForCli(dir, mode)).toThrow(UserError);
    expect(() => openStoreForCli(dir, mode)).toThrow(message);
  });

  it("refuses a data folder that is a file", () => {
    const file = join(root, "plain");
    writeFileSync(file, "");
    expect(() => openStoreForCli(file, "write")).toThrow(/is not a folder/);
  });

  it("names the database when it cannot be opened", () => {
    const dir = join(root, "corrupt");
    openStoreForCli(dir, "write").close();
    writeFileSync(join(dir, "tiktok.db"), "this is not a database, just forty bytes of text");
    expect(() => openStoreForCli(dir, "read")).toThrow(
      /Cannot open the database .*tiktok\.db: file is not a database/,
    );
  });
});
