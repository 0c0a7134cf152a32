import { open } from "node:fs/promises";
import { basename, extname } from "node:path";
import { UserError } from "../cli/user-error.ts";

export type FileFormat =
  | "json-array" // a JSON list of posts: the seed's data.json / posts.json, our `export --format json`
  | "ndjson" // one JSON value per line: Zeeschuimer, our `export --format ndjson`
  | "json-document" // one JSON object: an item_list response, rehydration data, {collector: [...]}
  | "html" // a saved TikTok page
  | "csv" // a CSV of posts: 4CAT's or our export, tiktok-scraper's, Apify's
  | "seed-post-ids" // the seed's data/ids/post_ids.json: {hashtag: [post ids]}
  | "seed-video-ids"; // the seed's data/ids/video_ids.json

/** NDJSON lines are usually a few KB; a first line longer than this is not worth sniffing. */
const MAX_HEAD_BYTES = 16 * 1024 * 1024;

/** The file's first line (or its first MAX_HEAD_BYTES), what was read after it, and whether more follows it. */
const readHead = async (file: string): Promise<{ firstLine: string; rest: string; more: boolean }> => {
  const handle = await open(file, "r");
  try {
    const { size } = await handle.stat();
    const chunks: Buffer[] = [];
    let total = 0;
    for (;;) {
      const buffer = Buffer.alloc(64 * 1024);
      const { bytesRead } = await handle.read(buffer, 0, buffer.length, total);
      if (bytesRead === 0) break;
      chunks.push(buffer.subarray(0, bytesRead));
      total += bytesRead;
      if (buffer.subarray(0, bytesRead).includes(10) || total >= MAX_HEAD_BYTES) break;
    }
    const text = Buffer.concat(chunks)
      .toString("utf8")
      .replace(/^\uFEFF/u, "");
    const newline = text.indexOf("\n");
    const rest = newline === -1 ? "" : text.slice(newline + 1);
    return {
      firstLine: newline === -1 ? text : text.slice(0, newline),
      rest,
      more: rest.trim() !== "" || total < size,
    };
  } finally {
    await handle.close();
  }
};

const isJson = (text: string): boolean => {
  try {
    JSON.parse(text);
    return true;
  } catch {
    return false;
  }
};

/** Tells the import formats apart by name and by their first bytes, never by reading the whole file. */
export const detectFormat = async (file: string): Promise<FileFormat> => {
  const name = basename(file).toLowerCase();
  if (name === "post_ids.json") return "seed-post-ids";
  if (name === "video_ids.json") return "seed-video-ids";
  const { firstLine, rest, more } = await readHead(file);
  const start = (firstLine + rest).trimStart();
  const first = start[0];
  if (first === undefined) throw new UserError(`${file} is empty`);
  if (first === "[") return "json-array";
  if (first === "<") return "html";
  // A CSV header names its columns, one of them the post id.
  if (extname(name) === ".csv" || (first !== "{" && /^"?id"?,|,"?id"?(,|$)/u.test(firstLine.trim())))
    return "csv";
  if (first !== "{")
    throw new UserError(
      `${file} is not JSON, NDJSON, CSV or a TikTok page (it starts with ${JSON.stringify(first)})`,
    );
  if ([".ndjson", ".jsonl"].includes(extname(name))) return "ndjson";
  // A pretty-printed document's first line ("{") is not JSON on its own; an NDJSON record's is. A file of one
  // JSON line is a document written compactly: reported as such, not as "line 1".
  if (!more) return "json-document";
  return isJson(firstLine.trim()) ? "ndjson" : "json-document";
};
