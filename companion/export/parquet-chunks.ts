import { ByteWriter, ParquetWriter } from "hyparquet-writer";
import { postCsvRecord } from "../../shared/export/post-csv.ts";
import type { Post } from "../../shared/post/post.ts";

type SchemaElement = ConstructorParameters<typeof ParquetWriter>[0]["schema"][number];

const text = (name: string): SchemaElement => ({
  name,
  type: "BYTE_ARRAY",
  converted_type: "UTF8",
  repetition_type: "OPTIONAL",
});
const integer = (name: string): SchemaElement => ({ name, type: "INT64", repetition_type: "OPTIONAL" });
/** Parquet's three-level LIST of text, as pandas, R/arrow, DuckDB and Spark read it. */
const textList = (name: string): SchemaElement[] => [
  { name, repetition_type: "REQUIRED", num_children: 1, converted_type: "LIST" },
  { name: "list", repetition_type: "REPEATED", num_children: 1 },
  { name: "element", type: "BYTE_ARRAY", converted_type: "UTF8", repetition_type: "REQUIRED" },
];

/** The CSV's columns (shared/export/post-csv.ts), in its order, with their Parquet types. */
const COLUMNS = [
  { name: "id", schema: [{ ...text("id"), repetition_type: "REQUIRED" }] },
  { name: "author", schema: [text("author")] },
  { name: "author_full", schema: [text("author_full")] },
  { name: "author_id", schema: [text("author_id")] },
  { name: "author_followers", schema: [integer("author_followers")] },
  { name: "body", schema: [text("body")] },
  {
    name: "timestamp",
    schema: [
      { name: "timestamp", type: "INT64", converted_type: "TIMESTAMP_MILLIS", repetition_type: "OPTIONAL" },
    ],
  },
  { name: "unix_timestamp", schema: [integer("unix_timestamp")] },
  { name: "music_name", schema: [text("music_name")] },
  { name: "music_id", schema: [text("music_id")] },
  { name: "video_url", schema: [text("video_url")] },
  { name: "tiktok_url", schema: [text("tiktok_url")] },
  { name: "thumbnail_url", schema: [text("thumbnail_url")] },
  { name: "likes", schema: [integer("likes")] },
  { name: "comments", schema: [integer("comments")] },
  { name: "shares", schema: [integer("shares")] },
  { name: "plays", schema: [integer("plays")] },
  { name: "hashtags", schema: textList("hashtags") },
  { name: "saves", schema: [integer("saves")] },
  { name: "is_ad", schema: [{ name: "is_ad", type: "BOOLEAN", repetition_type: "REQUIRED" }] },
  { name: "location", schema: [text("location")] },
  { name: "images", schema: textList("images") },
] as const satisfies readonly { name: string; schema: SchemaElement[] }[];

const SCHEMA: SchemaElement[] = [
  { name: "root", num_children: COLUMNS.length },
  ...COLUMNS.flatMap((column) => column.schema),
];

const bigint = (value: number | null): bigint | null => (value === null ? null : BigInt(value));

/** One post's cells: the CSV's values, typed (ids as text, counts as integers, times, lists). */
const cells = (post: Post) => {
  const csv = postCsvRecord(post);
  return {
    ...csv,
    author_followers: bigint(post.author.followers),
    timestamp: post.createTime === null ? null : new Date(post.createTime * 1000),
    unix_timestamp: bigint(post.createTime),
    likes: bigint(post.stats.likes),
    comments: bigint(post.stats.comments),
    shares: bigint(post.stats.shares),
    plays: bigint(post.stats.plays),
    saves: bigint(post.stats.saves),
    hashtags: post.hashtags,
    is_ad: post.isAd,
    images: post.images,
  };
};

/** Posts per row group: a batch is all that is held in memory at once. */
export const PARQUET_ROW_GROUP = 10_000;

/**
 * A hashtag's posts as a Parquet file, chunk by chunk: one row group per `rowGroup` posts, each handed on as soon
 * as it is encoded, so memory stays flat however many posts there are. Snappy-compressed, written by
 * hyparquet-writer.
 */
export async function* parquetChunks(
  posts: Iterable<Post>,
  rowGroup: number = PARQUET_ROW_GROUP,
): AsyncGenerator<Buffer> {
  const bytes = new ByteWriter();
  const writer = new ParquetWriter({ writer: bytes, schema: SCHEMA, createdBy: "tiktok-hashtag-analysis" });
  const take = (): Buffer => {
    const chunk = Buffer.from(bytes.getBytes());
    bytes.index = 0;
    return chunk;
  };
  let batch: ReturnType<typeof cells>[] = [];
  const flush = async () => {
    if (batch.length === 0) return;
    const rows = batch;
    batch = [];
    await writer.write({
      columnData: COLUMNS.map(({ name }) => ({ name, data: rows.map((row) => row[name]) })),
      rowGroupSize: rows.length,
    });
  };
  yield take();
  for (const post of posts) {
    batch.push(cells(post));
    if (batch.length >= rowGroup) {
      await flush();
      yield take();
    }
  }
  await flush();
  writer.finish();
  yield take();
}
