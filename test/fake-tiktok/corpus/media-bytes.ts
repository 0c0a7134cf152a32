import { hashText, mixSeed, Random } from "./seeded-random.ts";

const MP4_STREAM = 0x3d4;

// ftyp (isom, minor 0x200, brands isom iso2 avc1 mp41): how every mp4 TikTok serves begins.
const FTYP = Buffer.alloc(32);
FTYP.writeUInt32BE(32, 0);
FTYP.write("ftypisom", 4, "latin1");
FTYP.writeUInt32BE(0x200, 12);
FTYP.write("isomiso2avc1mp41", 16, "latin1");
const BOX_HEADER = 8;

/** Smallest file the box layout (ftyp + mdat header) fits in. */
export const MIN_VIDEO_BYTES = FTYP.length + BOX_HEADER + 8;

/** The byte size of a post's video, fixed by seed and id within [min, max]. */
export const videoSizeFor = (seed: number, postId: string, range: { min: number; max: number }): number =>
  new Random(mixSeed(seed, MP4_STREAM, hashText(postId))).int(range.min, range.max);

/**
 * A deterministic stand-in mp4: a valid ftyp box, then one mdat box filling the size with seeded noise, so a
 * downloader can check both the container signature and every byte.
 */
export const mp4Bytes = (seed: number, postId: string, size: number): Buffer => {
  if (size < MIN_VIDEO_BYTES) throw new RangeError(`an mp4 needs at least ${MIN_VIDEO_BYTES} bytes`);
  const bytes = Buffer.alloc(size);
  FTYP.copy(bytes, 0);
  const mdatAt = FTYP.length;
  bytes.writeUInt32BE(size - mdatAt, mdatAt);
  bytes.write("mdat", mdatAt + 4, "latin1");
  const random = new Random(mixSeed(seed, MP4_STREAM, hashText(postId), 1));
  let offset = mdatAt + BOX_HEADER;
  for (; offset + 4 <= size; offset += 4) bytes.writeUInt32LE(random.int(0, 0xffff_ffff), offset);
  for (; offset < size; offset++) bytes[offset] = random.int(0, 255);
  return bytes;
};

// A 36x64 gradient JPEG (TikTok's 9:16), made once with node-canvas.
const JPEG = Buffer.from(
  "/9j/4AAQSkZJRgABAQAAAQABAAD/2wBDABALDA4MChAODQ4SERATGCgaGBYWGDEjJR0oOjM9PDkzODdASFxOQERXRTc4UG1RV19iZ2hnPk1xeXBkeFxlZ2P/2wBDARESEhgVGC8aGi9jQjhCY2NjY2NjY2NjY2NjY2NjY2NjY2NjY2NjY2NjY2NjY2NjY2NjY2NjY2NjY2NjY2NjY2P/wAARCABAACQDASIAAhEBAxEB/8QAHwAAAQUBAQEBAQEAAAAAAAAAAAECAwQFBgcICQoL/8QAtRAAAgEDAwIEAwUFBAQAAAF9AQIDAAQRBRIhMUEGE1FhByJxFDKBkaEII0KxwRVS0fAkM2JyggkKFhcYGRolJicoKSo0NTY3ODk6Q0RFRkdISUpTVFVWV1hZWmNkZWZnaGlqc3R1dnd4eXqDhIWGh4iJipKTlJWWl5iZmqKjpKWmp6ipqrKztLW2t7i5usLDxMXGx8jJytLT1NXW19jZ2uHi4+Tl5ufo6erx8vP09fb3+Pn6/8QAHwEAAwEBAQEBAQEBAQAAAAAAAAECAwQFBgcICQoL/8QAtREAAgECBAQDBAcFBAQAAQJ3AAECAxEEBSExBhJBUQdhcRMiMoEIFEKRobHBCSMzUvAVYnLRChYkNOEl8RcYGRomJygpKjU2Nzg5OkNERUZHSElKU1RVVldYWVpjZGVmZ2hpanN0dXZ3eHl6goOEhYaHiImKkpOUlZaXmJmaoqOkpaanqKmqsrO0tba3uLm6wsPExcbHyMnK0tPU1dbX2Nna4uPk5ebn6Onq8vP09fb3+Pn6/9oADAMBAAIRAxEAPwDYJppNITTSa7Gz52FIUmmk0hNNJqGzqhSHZopmaKVzf2Q8mkJppNNJobHCkOJppNNJpCahs6oUhc0UzNFK50eyJCaaTTSaQmk2EKQpNNJpCaaTUtnXCkOzRUeaKm5v7IkJppNITTSaGxwpCk0hNNJppNS2dUKQ7NFMzRU3N/ZH/9k=",
  "base64",
);

/** A valid JPEG that differs per URL path: a comment segment naming the path follows the SOI marker. */
export const jpegBytes = (path: string): Buffer => {
  const comment = Buffer.from(path, "utf8").subarray(0, 0xfff0);
  const segment = Buffer.alloc(4);
  segment.writeUInt16BE(0xfffe, 0);
  segment.writeUInt16BE(comment.length + 2, 2);
  return Buffer.concat([JPEG.subarray(0, 2), segment, comment, JPEG.subarray(2)]);
};

// MPEG-1 Layer III, 128 kbit/s, 44.1 kHz, no padding: 417-byte frames.
const MP3_FRAME = Buffer.alloc(417);
MP3_FRAME.writeUInt32BE(0xfffb9000, 0);

/** A short silent MP3 whose ID3 title is the URL path, so each music URL has its own bytes. */
export const mp3Bytes = (path: string): Buffer => {
  const title = Buffer.concat([Buffer.from([0]), Buffer.from(path, "latin1").subarray(0, 1000)]);
  const frame = Buffer.alloc(10);
  frame.write("TIT2", 0, "latin1");
  frame.writeUInt32BE(title.length, 4);
  const tagSize = frame.length + title.length;
  // ID3v2 sizes are "syncsafe": 7 bits per byte.
  const header = Buffer.from([
    0x49,
    0x44,
    0x33,
    3,
    0,
    0,
    (tagSize >> 21) & 0x7f,
    (tagSize >> 14) & 0x7f,
    (tagSize >> 7) & 0x7f,
    tagSize & 0x7f,
  ]);
  return Buffer.concat([header, frame, title, ...Array.from({ length: 24 }, () => MP3_FRAME)]);
};
