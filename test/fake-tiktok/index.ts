/** The fake TikTok for tests, demos and benchmarks (issue 4). See README.md. */
export { type CorpusOptions, createCorpus } from "./corpus/corpus.ts";
export { type GeneratePostsOptions, generatePosts } from "./corpus/generate-posts.ts";
export { REFERENCE_NOW } from "./corpus/item-builder.ts";
export * from "./hosts.ts";
export type * from "./item-struct.ts";
export * from "./markers.ts";
export { startFakeTikTok } from "./server/start.ts";
export type * from "./types.ts";
