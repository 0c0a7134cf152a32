import { afterEach, describe, expect, it } from "vitest";
import { packSlimJson } from "../store/post-row.ts";
import { packRaw, unpackRaw, unpackText } from "../store/raw-codec.ts";
import { type RawPacker, rawPackerThread } from "./pack-raw-in-thread.ts";

const texts = (n: number, salt: string): string[] =>
  Array.from({ length: n }, (_, i) =>
    JSON.stringify({ id: `7${i}${salt}`.padEnd(19, "0"), desc: `#täg ${salt} ✨ ${i}` }),
  );

describe("rawPackerThread", () => {
  let packer: RawPacker | undefined;
  afterEach(async () => {
    await packer?.close();
    packer = undefined;
  });

  it("gives packRaw's blobs byte for byte, in order, for batches in flight together", async () => {
    packer = rawPackerThread();
    const batches = [texts(300, "a"), [], texts(1, "b"), texts(50, "c"), ["", "null", "x".repeat(100_000)]];
    const packed = await Promise.all(batches.map((batch) => packer!.pack(batch)));
    packed.forEach((blobs, b) => {
      expect(blobs).toHaveLength(batches[b]!.length);
      blobs.forEach((blob, i) => {
        expect(blob.equals(packRaw(batches[b]![i]!))).toBe(true);
        expect(unpackRaw(blob)).toBe(batches[b]![i]);
      });
    });
  });

  it("gives packSlimJson's blobs byte for byte for Post texts, batches of both kinds in flight together", async () => {
    packer = rawPackerThread();
    const batches = [texts(200, "e"), [], ["", "{}", "y".repeat(100_000)], texts(7, "f")];
    const [raws, jsons] = await Promise.all([
      Promise.all(batches.map((batch) => packer!.pack(batch))),
      Promise.all(batches.map((batch) => packer!.packPostJsons(batch))),
    ]);
    batches.forEach((batch, b) => {
      expect(jsons[b]).toHaveLength(batch.length);
      batch.forEach((text, i) => {
        expect(jsons[b]![i]!.equals(packSlimJson(text))).toBe(true);
        expect(unpackText(jsons[b]![i]!)).toBe(text);
        // Each batch with its own dictionary: the raw blobs stay packRaw's.
        expect(raws[b]![i]!.equals(packRaw(text))).toBe(true);
      });
    });
  });

  it("rejects the batches in flight when the thread ends, and every batch after", async () => {
    const ending = rawPackerThread();
    const inFlight = expect(ending.pack(texts(2000, "d"))).rejects.toThrow(/closed/u);
    await ending.close();
    await inFlight;
    await expect(ending.pack(["{}"])).rejects.toThrow(/closed/u);
  });

  it("rejects a batch after close instead of waiting forever", async () => {
    const closing = rawPackerThread();
    await closing.close();
    await expect(closing.pack(["{}"])).rejects.toThrow(/closed/u);
  });
});
