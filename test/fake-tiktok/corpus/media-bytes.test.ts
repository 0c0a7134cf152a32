import { describe, expect, it } from "vitest";
import { jpegBytes, MIN_VIDEO_BYTES, mp3Bytes, mp4Bytes, videoSizeFor } from "./media-bytes.ts";

describe("media bytes", () => {
  it("makes an mp4 of an ftyp box and an mdat box filling the size", () => {
    const bytes = mp4Bytes(1, "7300000000000000001", 5_000);
    expect(bytes).toHaveLength(5_000);
    expect(bytes.readUInt32BE(0)).toBe(32);
    expect(bytes.subarray(4, 8).toString("latin1")).toBe("ftyp");
    expect(bytes.readUInt32BE(32)).toBe(5_000 - 32);
    expect(bytes.subarray(36, 40).toString("latin1")).toBe("mdat");
  });

  it("fixes bytes and size by seed and id", () => {
    expect(mp4Bytes(1, "7300000000000000001", 999)).toEqual(mp4Bytes(1, "7300000000000000001", 999));
    expect(mp4Bytes(2, "7300000000000000001", 999)).not.toEqual(mp4Bytes(1, "7300000000000000001", 999));
    expect(mp4Bytes(1, "7300000000000000002", 999)).not.toEqual(mp4Bytes(1, "7300000000000000001", 999));
    const size = videoSizeFor(1, "7300000000000000001", { min: 1_000, max: 2_000 });
    expect(size).toBe(videoSizeFor(1, "7300000000000000001", { min: 1_000, max: 2_000 }));
    expect(size).toBeGreaterThanOrEqual(1_000);
    expect(size).toBeLessThanOrEqual(2_000);
    expect(() => mp4Bytes(1, "1", MIN_VIDEO_BYTES - 1)).toThrow(/at least/u);
  });

  it("makes a JPEG per path (SOI, a comment naming the path, EOI)", () => {
    const bytes = jpegBytes("/obj/cover-1.jpeg");
    expect(bytes.subarray(0, 4)).toEqual(Buffer.from([0xff, 0xd8, 0xff, 0xfe]));
    expect(bytes.subarray(-2)).toEqual(Buffer.from([0xff, 0xd9]));
    expect(bytes.includes("/obj/cover-1.jpeg")).toBe(true);
    expect(jpegBytes("/obj/cover-2.jpeg")).not.toEqual(bytes);
  });

  it("makes an MP3 per path: an ID3 tag, then MPEG audio frames", () => {
    const bytes = mp3Bytes("/obj/ies-music/1.mp3");
    expect(bytes.subarray(0, 3).toString("latin1")).toBe("ID3");
    const tagSize = (bytes[6]! << 21) | (bytes[7]! << 14) | (bytes[8]! << 7) | bytes[9]!;
    expect(bytes.readUInt16BE(10 + tagSize)).toBe(0xfffb);
    expect(mp3Bytes("/obj/ies-music/2.mp3")).not.toEqual(bytes);
  });
});
