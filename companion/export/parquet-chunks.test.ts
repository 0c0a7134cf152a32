import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { asyncBufferFromFile, parquetMetadataAsync, parquetReadObjects } from "hyparquet";
import { afterAll, describe, expect, it } from "vitest";
import { makePost } from "../store/testing/make-post.ts";
import { parquetChunks } from "./parquet-chunks.ts";

const dir = mkdtempSync(join(tmpdir(), "tha-parquet-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const collect = async (chunks: AsyncIterable<Buffer>) => {
  const parts: Buffer[] = [];
  for await (const chunk of chunks) parts.push(chunk);
  return parts;
};

describe("parquetChunks", () => {
  it("hands on one row group at a time, and the pieces make one file", async () => {
    const posts = Array.from({ length: 23 }, (_, i) =>
      makePost({
        id: String(7_000_000_000_000_000_000n + BigInt(i)),
        hashtags: ["a", `t${i % 3}`],
        plays: 2 ** 40 + i,
      }),
    );
    const parts = await collect(parquetChunks(posts, 5));
    // The header, four full row groups each handed on when encoded, then the last one with the footer.
    expect(parts.length).toBe(6);
    const file = join(dir, "groups.parquet");
    writeFileSync(file, Buffer.concat(parts));
    const source = await asyncBufferFromFile(file);
    const metadata = await parquetMetadataAsync(source);
    expect(metadata.row_groups.map((group) => Number(group.num_rows))).toEqual([5, 5, 5, 5, 3]);
    const rows = await parquetReadObjects({ file: source, columns: ["id", "plays", "hashtags"] });
    expect(rows[22]).toEqual({
      id: "7000000000000000022",
      plays: BigInt(2 ** 40 + 22),
      hashtags: ["a", "t1"],
    });
  });

  it("writes nulls for what TikTok did not give, and an empty file's header and footer", async () => {
    const post = makePost({ id: "1", hashtags: [], createTime: null });
    post.stats.likes = null;
    const file = join(dir, "nulls.parquet");
    writeFileSync(file, Buffer.concat(await collect(parquetChunks([post]))));
    const [row] = await parquetReadObjects({ file: await asyncBufferFromFile(file) });
    expect(row).toMatchObject({
      id: "1",
      timestamp: null,
      unix_timestamp: null,
      likes: null,
      hashtags: [],
      images: [],
    });
    const empty = join(dir, "empty.parquet");
    writeFileSync(empty, Buffer.concat(await collect(parquetChunks([]))));
    expect(await parquetReadObjects({ file: await asyncBufferFromFile(empty) })).toEqual([]);
  });
});
