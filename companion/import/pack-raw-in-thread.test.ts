import { afterEach, describe, expect, it } from "vitest";
import { packRaw, unpackRaw } from "../store/raw-codec.ts";
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
