import { REFERENCE_NOW } from "../corpus/item-builder.ts";
import { challengeStruct } from "../corpus/post-text.ts";
import { hashText, mixSeed, Random } from "../corpus/seeded-random.ts";
import type { ItemStruct } from "../item-struct.ts";
import { STATUS_CODE } from "../markers.ts";
import type { CorpusTag } from "../types.ts";

/**
 * The JSON bodies of TikTok's web API. The fake's clock stands at REFERENCE_NOW and log ids derive from the
 * request, so the same request always gets byte-identical answers.
 */

const logId = (key: string): string => {
  const random = new Random(mixSeed(hashText(key), 0x1d));
  const hex = Array.from({ length: 18 }, () => "0123456789ABCDEF"[random.int(0, 15)]).join("");
  return `${new Date(REFERENCE_NOW * 1000).toISOString().replace(/\D/gu, "").slice(0, 14)}${hex}`;
};

const envelope = (key: string, statusCode: number) => {
  const id = logId(key);
  return {
    extra: { fatal_item_ids: [], logid: id, now: REFERENCE_NOW * 1000 },
    log_pb: { impr_id: id },
    statusCode,
    status_code: statusCode,
    status_msg: "",
  };
};

export interface ItemListPage {
  items: ItemStruct[];
  /** Offset of the next page. */
  cursor: number;
  hasMore: boolean;
}

/** One page of a tag: offset cursor, at most `size` items. */
export const pageOf = (posts: readonly ItemStruct[], cursor: number, size: number): ItemListPage => {
  const items = posts.slice(cursor, cursor + size);
  const next = Math.min(cursor + items.length, posts.length);
  return { items, cursor: Math.max(next, cursor), hasMore: next < posts.length };
};

/** /api/challenge/item_list/: past the end TikTok leaves itemList out rather than sending []. */
export const itemListResponse = (key: string, page: ItemListPage) => ({
  cursor: String(page.cursor),
  ...envelope(key, STATUS_CODE.ok),
  hasMore: page.hasMore,
  ...(page.items.length > 0 ? { itemList: page.items } : {}),
});

/** The empty-page fault: nothing, yet "more", at the same cursor. */
export const emptyPageResponse = (key: string, cursor: string) => ({
  cursor,
  ...envelope(key, STATUS_CODE.ok),
  hasMore: true,
  itemList: [],
});

const viewsOf = (posts: readonly ItemStruct[]): number =>
  posts.reduce((total, post) => total + Number(post.statsV2.playCount), 0);

/** challengeInfo as in /api/challenge/detail/ and the tag page's rehydration data. */
export const challengeInfo = (tag: CorpusTag, posts: readonly ItemStruct[]) => {
  const stats = { videoCount: tag.postCount, viewCount: viewsOf(posts) };
  const statsV2 = { videoCount: String(stats.videoCount), viewCount: String(stats.viewCount) };
  return {
    challenge: { ...challengeStruct(tag.name), id: tag.challengeId, stats, statsV2 },
    stats,
    statsV2,
  };
};

export const shareMeta = (tag: CorpusTag, posts: readonly ItemStruct[]) => ({
  title: `#${tag.name} | TikTok`,
  desc: `${viewsOf(posts)} views - Watch the latest videos about #${tag.name} on TikTok.`,
});

/** /api/challenge/detail/: an unknown tag has an empty challengeInfo and a not-found statusCode. */
export const challengeDetailResponse = (
  key: string,
  found?: { tag: CorpusTag; posts: readonly ItemStruct[] },
) =>
  found
    ? {
        challengeInfo: challengeInfo(found.tag, found.posts),
        ...envelope(key, STATUS_CODE.ok),
        shareMeta: shareMeta(found.tag, found.posts),
      }
    : { challengeInfo: {}, ...envelope(key, STATUS_CODE.challengeNotFound) };

/** m.tiktok.com/node/share/tag/<name>: the older server-rendered share data tiktok-scraper reads. */
export const nodeShareTagResponse = (found?: { tag: CorpusTag; posts: readonly ItemStruct[] }) =>
  found
    ? {
        statusCode: STATUS_CODE.ok,
        challengeInfo: challengeInfo(found.tag, found.posts),
        seoProps: { metaParams: { title: shareMeta(found.tag, found.posts).title } },
        shareMeta: shareMeta(found.tag, found.posts),
      }
    : { statusCode: STATUS_CODE.challengeNotFound, challengeInfo: {} };
