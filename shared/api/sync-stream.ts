/**
 * The sync feed as a stream: GET API_ROUTES.syncStream?cursor=<nextCursor>&limit=N answers consecutive pages of
 * the feed (shared/api/sync.ts) in one response, newline-delimited JSON, until a page has no more after it or the
 * companion stops (it may end the response after any whole page; ask again from the last page's nextCursor).
 * Pages chain by cursor, so asking page by page leaves the client waiting for each page to be built and sent;
 * in one response the companion builds the next page while the client stores the one before.
 *
 * Each page is a head line (SyncStreamHead: the page without its posts, `posts` saying how many follow), then
 * each post as one line of JSON (SlimPost). A client keeps the post lines' text: it can store them as they came
 * instead of serialising 10k parsed posts again. A page is whole only when all its post lines arrived: a stream
 * cut inside a page is an error, and the pages before it stand. The companion writes the lines as ASCII (other
 * characters as JSON's \u escapes): a browser decodes, parses and stores such text as one byte a character,
 * which took the extension's background about half the time of the same text holding a few CJK characters.
 */
import { z } from "zod";
import { fastParseJson } from "../json/fast-parse-json.ts";
import { MAX_SYNC_PAGE, SlimPost, SyncPage } from "./sync.ts";

export const SyncStreamQuery = z.object({
  cursor: z
    .string()
    .regex(/^\d{1,15}$/u, "cursor is a nextCursor from an earlier page, or 0")
    .default("0"),
  limit: z.coerce.number().int().min(1).max(MAX_SYNC_PAGE).default(MAX_SYNC_PAGE),
});

/** A page's first line: everything but its posts, and how many post lines follow. */
export const SyncStreamHead = SyncPage.omit({ posts: true }).extend({
  posts: z.number().int().nonnegative(),
});

export type SyncStreamQuery = z.infer<typeof SyncStreamQuery>;
export type SyncStreamHead = z.infer<typeof SyncStreamHead>;

/** A page read from the stream: its head checked, its post lines not yet (see checkStreamPage). */
export interface StreamedPage {
  head: SyncStreamHead;
  /** Each post's JSON text, as sent. */
  postLines: string[];
}

/** The stream does not hold what the contract says (a bad line, or cut inside a page). */
export class SyncStreamError extends Error {}

const headOf = (line: string): SyncStreamHead => {
  let value: unknown;
  try {
    value = fastParseJson(line);
  } catch {
    throw new SyncStreamError("A sync stream page's head line is not JSON");
  }
  const checked = SyncStreamHead.safeParse(value);
  if (!checked.success)
    throw new SyncStreamError(
      `A sync stream page's head does not match the contract: ${checked.error.issues[0]?.message ?? "invalid"}`,
    );
  return checked.data;
};

const NEWLINE = 10;

/** The bytes of `pieces` as one array (no copy for one piece). */
const joined = (pieces: readonly Uint8Array[]): Uint8Array => {
  if (pieces.length === 1) return pieces[0] as Uint8Array;
  const bytes = new Uint8Array(pieces.reduce((sum, piece) => sum + piece.length, 0));
  let at = 0;
  for (const piece of pieces) {
    bytes.set(piece, at);
    at += piece.length;
  }
  return bytes;
};

/**
 * The pages of a sync stream's body as they arrive; the page being received is yielded only once all its post
 * lines are in. Throws SyncStreamError when the body ends inside a page or a head line is not one. Lines are
 * found in the bytes and a page's posts decoded in one piece, then split: decoding each network chunk and
 * cutting 10k lines out of the text one by one took the background ~0.1 s a page.
 */
export async function* readSyncStream(body: ReadableStream<Uint8Array>): AsyncGenerator<StreamedPage> {
  const decoder = new TextDecoder();
  const reader = body.getReader();
  // The received bytes of the lines being gathered: a head line, or all of a page's post lines.
  let pieces: Uint8Array[] = [];
  let head: SyncStreamHead | null = null;
  let wanted = 1;
  try {
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      let start = 0;
      while (start < value.length) {
        let end = start - 1;
        while (wanted > 0) {
          end = value.indexOf(NEWLINE, end + 1);
          if (end === -1) break;
          wanted -= 1;
        }
        if (end === -1) {
          pieces.push(value.subarray(start));
          break;
        }
        pieces.push(value.subarray(start, end));
        start = end + 1;
        // A whole line's bytes are whole characters, so they decode alone.
        const text = decoder.decode(joined(pieces));
        pieces = [];
        if (head === null) {
          head = headOf(text);
          wanted = head.posts;
          if (wanted > 0) continue;
        }
        yield { head, postLines: head.posts === 0 ? [] : text.split("\n") };
        head = null;
        wanted = 1;
      }
    }
  } finally {
    // Stops the download when the reader leaves early (a failed write ends the sync).
    reader.cancel().catch(() => {});
  }
  if (head !== null || pieces.some((piece) => piece.length > 0))
    throw new SyncStreamError("The companion's sync stream ended inside a page");
}

/** A streamed page checked against the contract: the page, and its posts' text in the same order. */
export const checkStreamPage = (streamed: StreamedPage): { page: SyncPage; postTexts: string[] } => {
  let posts: unknown;
  try {
    posts = fastParseJson(`[${streamed.postLines.join(",")}]`);
  } catch {
    throw new SyncStreamError("A sync stream page's posts are not one JSON value a line");
  }
  const checked = z.array(SlimPost).safeParse(posts);
  if (checked.success && checked.data.length !== streamed.postLines.length)
    throw new SyncStreamError("A sync stream page's post lines do not each hold one post");
  if (!checked.success) {
    const issue = checked.error.issues[0];
    throw new SyncStreamError(
      `A sync stream page's posts do not match the contract: ${issue?.path.join(".") ?? ""} ${issue?.message ?? "invalid"}`,
    );
  }
  return { page: { ...streamed.head, posts: checked.data }, postTexts: streamed.postLines };
};
