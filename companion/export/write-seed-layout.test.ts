import { mkdir, mkdtemp, readFile, rm, symlink, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import type { CompanionStore } from "../store/post-store.ts";
import { openSqliteStore } from "../store/sqlite-store.ts";
import { makePost } from "../store/testing/make-post.ts";
import { writeSeedLayout } from "./write-seed-layout.ts";

// Names every plain object already has: as keys of a plain-object map they vanish or collide.
const OBJECT_NAMES = ["__proto__", "constructor", "tostring", "hasownproperty"];

let parent: string;
let store: CompanionStore;

beforeEach(async () => {
  parent = await mkdtemp(join(tmpdir(), "seed-layout-"));
  await mkdir(join(parent, "data"));
  store = openSqliteStore(join(parent, "data"));
  OBJECT_NAMES.forEach((tag, index) => {
    store.upsertPosts(tag, [makePost({ id: `730000000000000000${index}`, hashtags: [tag] })]);
  });
});

afterEach(async () => {
  store.close();
  await rm(parent, { recursive: true, force: true });
});

const readJson = async (file: string): Promise<unknown> => JSON.parse(await readFile(file, "utf8"));

describe("writeSeedLayout", () => {
  it("keeps hashtags named like Object's own properties in the ids files", async () => {
    const out = join(parent, "out");
    await mkdir(join(out, "ids"), { recursive: true });
    // An ids file someone already had, with __proto__ as an ordinary key.
    await writeFile(join(out, "ids", "post_ids.json"), '{"__proto__":["1"],"travel":["2"]}');
    for (const tag of OBJECT_NAMES) await writeSeedLayout(store, tag, out, {}, () => {});
    const ids = (await readJson(join(out, "ids", "post_ids.json"))) as Record<string, unknown>;
    expect(Object.keys(ids)).toEqual(["__proto__", "travel", "constructor", "tostring", "hasownproperty"]);
    expect(Object.getOwnPropertyDescriptor(ids, "__proto__")?.value).toEqual(["1", "7300000000000000000"]);
    expect(ids.constructor).toEqual(["7300000000000000001"]);
    const videos = await readFile(join(out, "ids", "video_ids.json"), "utf8");
    expect(videos).toBe('{"__proto__":[],"constructor":[],"tostring":[],"hasownproperty":[]}');
    expect(await readJson(join(out, "__proto__", "posts.json"))).toHaveLength(1);
  });

  it("writes nothing through a link in the export folder that leads elsewhere", async () => {
    const out = join(parent, "out");
    await mkdir(out);
    await mkdir(join(parent, "elsewhere"));
    await symlink(join(parent, "elsewhere"), join(out, "ids"));
    await expect(writeSeedLayout(store, "constructor", out, {}, () => {})).rejects.toThrow(
      /symbolic link to outside the export folder/u,
    );
    await expect(readFile(join(parent, "elsewhere", "post_ids.json"))).rejects.toThrow(/ENOENT/u);
  });
});
