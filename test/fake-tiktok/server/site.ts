import { normaliseHashtag } from "../../../shared/hashtag/hashtag.ts";
import type { ItemStruct } from "../item-struct.ts";
import type { Corpus, CorpusTag } from "../types.ts";
import type { ChainTokens } from "./chain-tokens.ts";

export interface FoundTag {
  tag: CorpusTag;
  posts: readonly ItemStruct[];
}

/** What the routes serve from: the corpus, looked up the ways TikTok's URLs address it. */
export interface Site {
  corpus: Corpus;
  pageSize: number;
  chainTokens: ChainTokens;
  tagByName(name: string): FoundTag | undefined;
  tagById(challengeId: string): FoundTag | undefined;
}

export const createSite = (corpus: Corpus, pageSize: number, chainTokens: ChainTokens): Site => {
  const found = corpus.tags().map((tag) => ({ tag, posts: corpus.posts(tag.name) }));
  const byName = new Map(found.map((entry) => [entry.tag.name, entry]));
  const byId = new Map(found.map((entry) => [entry.tag.challengeId, entry]));
  return {
    corpus,
    pageSize,
    chainTokens,
    tagByName: (name) => byName.get(normaliseHashtag(name)),
    tagById: (challengeId) => byId.get(challengeId),
  };
};
