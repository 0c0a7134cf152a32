import { describe, expect, it } from "vitest";
import type { Post } from "../post/post.ts";
import {
  checkStreamPage,
  readSyncStream,
  type StreamedPage,
  SyncStreamError,
  SyncStreamHead,
  SyncStreamQuery,
} from "./sync-stream.ts";
import { slimPost } from "./testing/slim-post.ts";

const post = (id: string): Omit<Post, "raw"> => slimPost(id, `post ${id} é 😀`);

const headOf = (ids: string[], nextCursor: string, hasMore: boolean) => ({
  links: ids.map((postId) => ({ hashtag: "travel", postId })),
  videos: [],
  runs: [],
  nextCursor,
  hasMore,
  posts: ids.length,
});

/** The lines of pages as the companion sends them. */
const linesOf = (pages: Array<{ ids: string[]; nextCursor: string; hasMore: boolean }>): string =>
  pages
    .map(
      ({ ids, nextCursor, hasMore }) =>
        `${[JSON.stringify(headOf(ids, nextCursor, hasMore)), ...ids.map((id) => JSON.stringify(post(id)))].join("\n")}\n`,
    )
    .join("");

/** A body delivering `bytes` in pieces cut at `cuts`, then ending (or failing, as a dropped connection does). */
const body = (bytes: Uint8Array, cuts: number[], fail?: Error): ReadableStream<Uint8Array> => {
  const pieces: Uint8Array[] = [];
  let start = 0;
  for (const cut of [...cuts, bytes.length]) {
    pieces.push(bytes.slice(start, cut));
    start = cut;
  }
  return new ReadableStream({
    pull(controller) {
      const piece = pieces.shift();
      if (piece !== undefined) controller.enqueue(piece);
      else if (fail !== undefined) controller.error(fail);
      else controller.close();
    },
  });
};

const readAll = async (stream: ReadableStream<Uint8Array>): Promise<StreamedPage[]> => {
  const pages: StreamedPage[] = [];
  for await (const page of readSyncStream(stream)) pages.push(page);
  return pages;
};

const pages = [
  { ids: ["1", "2"], nextCursor: "2", hasMore: true },
  { ids: [], nextCursor: "3", hasMore: true },
  { ids: ["3"], nextCursor: "4", hasMore: false },
];

describe("the sync stream", () => {
  it("reads the same pages however the bytes are cut, a character's bytes split included", async () => {
    const bytes = new TextEncoder().encode(linesOf(pages));
    for (let cut = 1; cut < bytes.length; cut += 7) {
      const read = await readAll(body(bytes, [cut, Math.min(bytes.length, cut + 3)]));
      expect(read.map((page) => page.head)).toEqual(
        pages.map(({ ids, nextCursor, hasMore }) => headOf(ids, nextCursor, hasMore)),
      );
      expect(read.map((page) => page.postLines)).toEqual(
        pages.map(({ ids }) => ids.map((id) => JSON.stringify(post(id)))),
      );
    }
  });

  it("yields each page once whole and fails when the body ends or drops inside a page", async () => {
    const text = linesOf(pages);
    const bytes = new TextEncoder().encode(text);
    // Cut inside the third page's post line: the first two pages stand, then the error.
    const inside = new TextEncoder().encode(text.slice(0, text.lastIndexOf('"post 3'))).length;
    const cut = bytes.slice(0, inside);
    const seen: StreamedPage[] = [];
    const read = async (stream: ReadableStream<Uint8Array>) => {
      seen.length = 0;
      for await (const page of readSyncStream(stream)) seen.push(page);
    };
    await expect(read(body(cut, [10]))).rejects.toBeInstanceOf(SyncStreamError);
    expect(seen.map((page) => page.head.nextCursor)).toEqual(["2", "3"]);
    await expect(read(body(cut, [10], new TypeError("network error")))).rejects.toThrow("network error");
    expect(seen.map((page) => page.head.nextCursor)).toEqual(["2", "3"]);
    // After a head line whose posts have not come: not whole either.
    const headOnly = new TextEncoder().encode(text.slice(0, text.indexOf("\n") + 1));
    await expect(read(body(headOnly, []))).rejects.toThrow("ended inside a page");
    expect(seen).toEqual([]);
  });

  it("refuses a head line that is not one", async () => {
    const bytes = new TextEncoder().encode(`${JSON.stringify({ ...headOf([], "1", false), posts: -1 })}\n`);
    await expect(readAll(body(bytes, []))).rejects.toThrow("head does not match the contract");
    await expect(readAll(body(new TextEncoder().encode("{nope\n"), []))).rejects.toThrow("not JSON");
  });

  it("checks a page's posts against the contract and keeps their text as sent", () => {
    const lines = ["1", "2"].map((id) => JSON.stringify(post(id)));
    const head = SyncStreamHead.parse(headOf(["1", "2"], "2", false));
    const { page, postTexts } = checkStreamPage({ head, postLines: lines });
    expect(page.posts).toEqual([post("1"), post("2")]);
    expect(page.nextCursor).toBe("2");
    expect(postTexts).toBe(lines);
    const bad = JSON.stringify({ ...post("2"), isAd: "no" });
    expect(() => checkStreamPage({ head, postLines: [lines[0] as string, bad] })).toThrow(
      "posts do not match the contract: 1.isAd",
    );
    // Two posts on one line would leave the texts out of step with the posts.
    expect(() => checkStreamPage({ head, postLines: [lines.join(",")] })).toThrow(
      "do not each hold one post",
    );
    expect(() => checkStreamPage({ head, postLines: ["{", "}"] })).toThrow(SyncStreamError);
  });

  it("refuses a cursor that is not a sequence number and asks for full pages by default", () => {
    expect(SyncStreamQuery.safeParse({ cursor: "-1" }).success).toBe(false);
    expect(SyncStreamQuery.parse({})).toEqual({ cursor: "0", limit: 10_000 });
  });
});
