import { mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { UserError } from "../cli/user-error.ts";
import { ownTags } from "../store/own-tags.ts";
import { packSlimJson, slimJson } from "../store/post-row.ts";
import { packRaw, unpackText } from "../store/raw-codec.ts";
import { parseImportValue } from "./parse-import-value.ts";
import { readInThread, type ThreadBatch, type ThreadOptions } from "./read-in-thread.ts";

const dir = await mkdtemp(join(tmpdir(), "read-in-thread-"));
afterAll(() => rm(dir, { recursive: true, force: true }));

/** A Zeeschuimer line of the tag page of `tag`. */
const line = (index: number, tag: string): string => {
  const id = String(7_300_000_000_000_000_000n + BigInt(index));
  return JSON.stringify({
    id,
    timestamp_collected: 1_700_000_000_000 + index,
    source_platform_url: `https://www.tiktok.com/tag/${tag}`,
    data: {
      id,
      desc: `#${tag} #Größe post ${index}`,
      createTime: 1_690_000_000 + index,
      author: { id: "6800000000", uniqueId: "user" },
      stats: { diggCount: index, playCount: index * 3 },
      challenges: [{ title: tag }, { title: "Größe" }],
    },
  });
};

const file = async (name: string, lines: string[]): Promise<string> => {
  const path = join(dir, name);
  await writeFile(path, `${lines.join("\n")}\n`);
  return path;
};

const readAll = async (options: ThreadOptions) => {
  const batches: ThreadBatch[] = [];
  let bytes = 0;
  const reading = readInThread(options, (read) => {
    bytes += read;
  });
  let next = await reading.next();
  for (; !next.done; next = await reading.next()) batches.push(next.value);
  return { batches, found: next.value, bytes };
};

describe("readInThread", () => {
  it("sends full batches per hashtag as they fill, the rest at the end, each post packed as upsertPosts packs it", async () => {
    // 1,300 posts: "a" fills two batches of 500 and leaves 200; "b" has 100; one record is rejected.
    const lines = Array.from({ length: 1301 }, (_, i) =>
      i === 700 ? '{"data":{"desc":"no id"}}' : line(i, i % 13 === 0 ? "b" : "a"),
    );
    const path = await file("two-tags.ndjson", lines);
    const { batches, found, bytes } = await readAll({ file: path, format: "ndjson" });
    expect(batches.map((batch) => [batch.hashtag, batch.posts.length])).toEqual([
      ["a", 500],
      ["a", 500],
      ["b", 101],
      ["a", 199],
    ]);
    expect(batches[0]!.where).toBe("line 2 to line 542");
    expect(found.rejected).toBe(1);
    expect(found.rejections[0]).toMatch(/^line 701: /u);
    expect(bytes).toBe(Buffer.byteLength(`${lines.join("\n")}\n`));

    const byId = new Map(lines.map((text) => [JSON.parse(text).id as string | undefined, text]));
    for (const { posts } of batches)
      for (const packed of posts) {
        const text = byId.get(packed.id)!;
        const [result] = parseImportValue(JSON.parse(text));
        if (!result?.ok) throw new Error("fixture does not parse");
        const { post } = result;
        // The line itself is the raw stored.
        expect(unpackText(packed.raw)).toBe(text);
        expect(packed.raw.equals(packRaw(text))).toBe(true);
        expect(packed.json.equals(packSlimJson(slimJson(post)))).toBe(true);
        expect(packed).toMatchObject({
          createTime: post.createTime,
          observedAt: new Date(post.source.collectedAt!).toISOString(),
          stats: post.stats,
        });
        expect(packed.tags).toEqual(ownTags(post));
        expect(packed.tags[1]).toBe("größe");
      }
  });

  it("takes --hashtag over the tag page, and reads JSON lists", async () => {
    const path = join(dir, "list.json");
    await writeFile(path, `[${[line(1, "a"), line(2, "b")].join(",\n")}]`);
    const { batches } = await readAll({ file: path, format: "json-array", hashtag: "given" });
    expect(batches.map((batch) => [batch.hashtag, batch.where, batch.posts.length])).toEqual([
      ["given", "item 1 to item 2", 2],
    ]);
  });

  it("throws the reading's UserError, naming the place in the file", async () => {
    const path = await file("bad.ndjson", [line(1, "a"), "{not json"]);
    const error = await readAll({ file: path, format: "ndjson" }).catch((thrown: unknown) => thrown);
    expect(error).toBeInstanceOf(UserError);
    expect((error as Error).message).toMatch(new RegExp(`^${path} line 2 is not valid JSON: `, "u"));
    const untagged = await file("untagged.ndjson", [line(1, "a").replace("/tag/a", "/foryou")]);
    await expect(readAll({ file: untagged, format: "ndjson" })).rejects.toThrow(
      /untagged\.ndjson line 1: cannot tell which hashtag post 7300000000000000001 was collected for/u,
    );
    const empty = await file("blank.ndjson", ["", " "]);
    await expect(readAll({ file: empty, format: "ndjson" })).rejects.toThrow(
      `${empty}: no post could be read; found only blank lines`,
    );
  });

  it("keeps a system error's code", async () => {
    await expect(readAll({ file: join(dir, "missing.ndjson"), format: "ndjson" })).rejects.toMatchObject({
      code: "ENOENT",
    });
  });

  it("stops the thread when the reader stops early", async () => {
    const path = await file(
      "many.ndjson",
      Array.from({ length: 3000 }, (_, i) => line(i, "a")),
    );
    const reading = readInThread({ file: path, format: "ndjson" }, () => {});
    const first = await reading.next();
    expect(first.done).toBe(false);
    await reading.return({ rejected: 0, rejections: [] });
    expect((await reading.next()).done).toBe(true);
  });
});
