import { toScraperItem } from "../../shared/export/to-scraper-item.ts";
import { parseRecord } from "../../shared/post/parse-any.ts";

/**
 * The shapes a bench corpus is written in: "item-struct" is the web API's full ItemStruct (about 4.3 KB each),
 * "scraper" the same posts as tiktok-scraper collector items (about 1.3 KB, the seed's data.json and issue 13's
 * figures: 1M posts in 1.35 GB).
 */
export type CorpusShape = "item-struct" | "scraper";
export const CORPUS_SHAPES: readonly CorpusShape[] = ["item-struct", "scraper"];

export const corpusShape = (name: string): CorpusShape => {
  if (!CORPUS_SHAPES.includes(name as CorpusShape))
    throw new Error(`Not a corpus shape: ${name} (one of ${CORPUS_SHAPES.join(", ")})`);
  return name as CorpusShape;
};

/** A generated ItemStruct in the bench's shape: as is, or converted the way `export --layout seed` writes it. */
export const inShape = (item: unknown, shape: CorpusShape): unknown => {
  if (shape === "item-struct") return item;
  const parsed = parseRecord(item);
  if (!parsed.ok) throw new Error(`the generator made an unreadable post: ${parsed.reason}`);
  return toScraperItem(parsed.post);
};
