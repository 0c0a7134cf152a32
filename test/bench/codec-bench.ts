/**
 * Stored-format benchmark (not a test): per post, the bytes and microseconds of packing and unpacking a post's
 * two columns, raw and the Post without raw (companion/store/raw-codec.ts), for both corpus shapes; beside them
 * the codec before (deflate at level 1 against RAW_DICTIONARY_V1, a fresh zlib compressor per call, the json
 * column as plain TEXT), built here from node:zlib with the same options.
 *
 *   npx tsx test/bench/codec-bench.ts [--posts 5000] [--rounds 5]
 *
 * Each figure is the median of the rounds, on one thread: the import packs raw on its second thread and the Post
 * on the main one; the sync stream unpacks the Post only. Prints the load average with them.
 */
import { loadavg } from "node:os";
import { parseArgs } from "node:util";
import { deflateRawSync, inflateRawSync } from "node:zlib";
import { parseImportValue } from "../../companion/import/parse-import-value.ts";
import { slimJson } from "../../companion/store/post-row.ts";
import { packPostJson, packRaw, unpackText } from "../../companion/store/raw-codec.ts";
import { RAW_DICTIONARY_V1 } from "../../companion/store/raw-dictionary.ts";
import { generatePosts } from "../fake-tiktok/index.ts";
import { CORPUS_SHAPES, type CorpusShape, inShape } from "./corpus-shape.ts";

const { values } = parseArgs({
  options: { posts: { type: "string", default: "5000" }, rounds: { type: "string", default: "5" } },
});
const count = Number(values.posts);
const rounds = Number(values.rounds);

const deflateOptions = { level: 1, windowBits: 14, memLevel: 4, dictionary: Buffer.from(RAW_DICTIONARY_V1) };
const deflateV1 = (text: string): Buffer => deflateRawSync(text, deflateOptions);
const inflateV1 = (blob: Buffer): string =>
  inflateRawSync(blob, { dictionary: deflateOptions.dictionary }).toString("utf8");

const samples = (shape: CorpusShape) =>
  [...generatePosts({ seed: 1, size: count, tag: "bench" })].map((item) => {
    const [result] = parseImportValue(inShape(item, shape));
    if (!result?.ok) throw new Error("a generated post did not parse");
    return { raw: JSON.stringify(result.post.raw), slim: slimJson(result.post) };
  });

/** Median microseconds per item of `run` over the list. */
const perItem = <T>(list: T[], run: (item: T) => unknown): number => {
  const times: number[] = [];
  for (let r = 0; r < rounds; r++) {
    const start = process.hrtime.bigint();
    for (const item of list) run(item);
    times.push(Number(process.hrtime.bigint() - start) / 1000 / list.length);
  }
  return times.sort((a, b) => a - b)[Math.floor(times.length / 2)]!;
};

const mean = (list: number[]) => list.reduce((sum, n) => sum + n, 0) / list.length;
const fixed = (n: number, digits = 1) => n.toFixed(digits);

const load = () => loadavg()[0]!.toFixed(2);
console.log(`${count} posts a shape, median of ${rounds} rounds, load average ${load()} at the start`);
console.log(
  "shape        column  input B  before B  after B  pack before us  pack after us  unpack before us  unpack after us",
);
const results: Record<string, unknown>[] = [];
for (const shape of CORPUS_SHAPES) {
  const posts = samples(shape);
  const raws = posts.map((post) => post.raw);
  const slims = posts.map((post) => post.slim);
  const rawBefore = raws.map(deflateV1);
  const rawAfter = raws.map(packRaw);
  const slimAfter = slims.map(packPostJson);
  const rows = [
    {
      column: "raw",
      input: mean(raws.map((text) => Buffer.byteLength(text))),
      before: mean(rawBefore.map((blob) => blob.length + 1)),
      after: mean(rawAfter.map((blob) => blob.length)),
      packBefore: perItem(raws, deflateV1),
      packAfter: perItem(raws, packRaw),
      unpackBefore: perItem(rawBefore, inflateV1),
      unpackAfter: perItem(rawAfter, unpackText),
    },
    {
      column: "json",
      input: mean(slims.map((text) => Buffer.byteLength(text))),
      before: mean(slims.map((text) => Buffer.byteLength(text))),
      after: mean(slimAfter.map((blob) => blob.length)),
      packBefore: 0,
      packAfter: perItem(slims, packPostJson),
      unpackBefore: 0,
      unpackAfter: perItem(slimAfter, unpackText),
    },
  ];
  for (const row of rows) {
    console.log(
      [
        shape.padEnd(12),
        row.column.padEnd(6),
        fixed(row.input, 0).padStart(7),
        fixed(row.before, 0).padStart(9),
        fixed(row.after, 0).padStart(8),
        fixed(row.packBefore).padStart(15),
        fixed(row.packAfter).padStart(14),
        fixed(row.unpackBefore).padStart(17),
        fixed(row.unpackAfter).padStart(16),
      ].join(" "),
    );
    results.push({ shape, ...row });
  }
}
console.log(`load average ${load()} at the end`);
console.log(JSON.stringify({ codec: results }));
