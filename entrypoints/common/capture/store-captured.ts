import { MAX_ITEM_DEPTH } from "../../../shared/api/contract.ts";
import { valueDepth } from "../../../shared/json/value-depth.ts";
import type { FoundItem } from "../../../shared/post/extract-items.ts";
import { parseFoundItem } from "../../../shared/post/parse-any.ts";
import type { Post } from "../../../shared/post/post.ts";
import type { CapturedPost, CaptureQueueEntry, MirrorDb, MirrorPost } from "../mirror/mirror-db.ts";
import { writePosts } from "../mirror/post-chunks.ts";
import type { CapturePage } from "./capture-page.ts";

/** What one capture message stored: the post ids new to the extension and those it already held, and the refused. */
export interface StoredCapture {
  newIds: string[];
  knownIds: string[];
  rejected: number;
}

interface Parsed {
  post: Post;
  item: Record<string, unknown>;
}

/**
 * The queue's first key: the hashtag on a tag page, else the page with a space before it (no hashtag holds a
 * space, so a For You post never overwrites the same post queued for #feed); null when the companion would refuse
 * the page's context.
 */
export const queueKey = (page: CapturePage): string | null =>
  page.hashtag ?? (page.context === null ? null : ` ${page.page}`);

/**
 * Parses a page's raw items with the shared parsers (anything they refuse, or nested deeper than the companion
 * accepts, is dropped), then in one transaction stores the posts, records them under the page, links them to the
 * hashtag on a tag page and queues them for the companion there.
 */
export const storeCaptured = async (
  db: MirrorDb,
  page: CapturePage,
  found: FoundItem[],
  now: Date = new Date(),
): Promise<StoredCapture> => {
  const byId = new Map<string, Parsed>();
  let rejected = 0;
  for (const { kind, item } of found) {
    const result =
      valueDepth(item) > MAX_ITEM_DEPTH ? null : parseFoundItem({ kind, item }, page.url, now.toISOString());
    if (result?.ok) byId.set(result.post.id, { post: result.post, item });
    else rejected += 1;
  }
  const parsed = [...byId.values()];
  if (parsed.length === 0) return { newIds: [], knownIds: [], rejected };
  const ids = parsed.map(({ post }) => post.id);
  const at = now.getTime();

  // Captured posts go into the mirror as the sync's do (writePosts), which keeps the hashtag's day counts.
  const scope = [db.chunks, db.chunkIds, db.dayCounts, db.captured, db.captureQueue];
  return db.transaction("rw", scope, async () => {
    const { hashtag } = page;
    const existing = await writePosts(
      db,
      parsed.map(({ post: { raw: _raw, ...slim } }) => ({
        id: slim.id,
        post: slim satisfies MirrorPost,
        linkTo: hashtag === null ? [] : [hashtag],
      })),
    );
    await db.captured.bulkPut(
      ids.map((postId): CapturedPost => ({ page: page.page, postId, capturedAt: at })),
    );
    const key = queueKey(page);
    if (key !== null)
      await db.captureQueue.bulkPut(
        parsed.map(
          ({ post, item }): CaptureQueueEntry => ({
            hashtag: key,
            ...(page.context === null ? {} : { context: page.context }),
            postId: post.id,
            item,
            sourceUrl: page.url,
            queuedAt: at,
          }),
        ),
      );
    return {
      newIds: ids.filter((_id, index) => existing[index] === undefined),
      knownIds: ids.filter((_id, index) => existing[index] !== undefined),
      rejected,
    };
  });
};
