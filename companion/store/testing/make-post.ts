import { parseItemStruct } from "../../../shared/post/parse-item-struct.ts";
import type { Post } from "../../../shared/post/post.ts";

export interface PostSpec {
  id: string;
  hashtags?: string[];
  createTime?: number | null;
  likes?: number;
  plays?: number;
  collectedAt?: string | null;
  desc?: string;
}

/** A Post as the real parser makes it from a small web ItemStruct, for store and analysis tests. */
export const makePost = (spec: PostSpec): Post => {
  const hashtags = spec.hashtags ?? [];
  const result = parseItemStruct(
    {
      id: spec.id,
      desc: spec.desc ?? hashtags.map((tag) => `#${tag}`).join(" "),
      createTime: spec.createTime === undefined ? 1_700_000_000 : spec.createTime,
      author: { id: "1", uniqueId: "someone", nickname: "Someone" },
      stats: { diggCount: spec.likes ?? 10, playCount: spec.plays ?? 100, shareCount: 1, commentCount: 2 },
      challenges: hashtags.map((title) => ({ title })),
    },
    { kind: "web-api", url: null, collectedAt: spec.collectedAt ?? null },
  );
  if (!result.ok) throw new Error(result.reason);
  return result.post;
};
