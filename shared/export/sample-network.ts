import type { CoHashtagNetwork } from "../analysis/co-hashtag-network.ts";

/** A small network for the writers' tests: a non-ASCII tag and one XML must escape. */
export const sampleNetwork: CoHashtagNetwork = {
  hashtag: "travel",
  totalPosts: 4,
  nodes: [
    { hashtag: "travel", posts: 3 },
    { hashtag: "café", posts: 2 },
    { hashtag: "a&b<c>", posts: 1 },
  ],
  edges: [
    { source: "café", target: "travel", weight: 2 },
    { source: "a&b<c>", target: "travel", weight: 1 },
  ],
};
