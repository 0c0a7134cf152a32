import type { NetworkEdge } from "../../shared/analysis/co-hashtag-network.ts";
import { MAX_NODES, PairCounts } from "./node-pair-counts.ts";

/**
 * The text a link row keeps of its post's own tags (post_hashtags.tag_codes, tag-codes-schema.ts) and the network
 * reads: each tag's number in tag_ids written as a few ASCII characters, so SQLite hands over all of a hashtag's
 * posts as one short string and JavaScript decodes it without a lookup of any tag's text.
 *
 * A number is big-endian digits: zero or more leading digits of 5 bits (U+0020 .. U+003F), then one final digit
 * of 6 bits (U+0040 .. U+007F), so numbers below 64 take one character and below 2048 two. The posts are
 * separated by POST_END; a post whose text starts with NODE_NUMBERS holds node numbers (the position
 * in the network's node list) instead of tag numbers: the reader wrote those from the post's tags itself.
 */

const MORE_FIRST = 0x20;
const MORE_BITS = 5;
const FINAL_FIRST = 0x40;
const FINAL_BITS = 6;
export const POST_END = "\n";
export const NODE_NUMBERS = "\u0001";
const POST_END_CODE = POST_END.charCodeAt(0);
const NODE_NUMBERS_CODE = NODE_NUMBERS.charCodeAt(0);

/** The largest number written: every number decodes exactly as a JavaScript number. */
export const MAX_CODED = Number.MAX_SAFE_INTEGER;

/** Characters number `n` takes. */
const widthOf = (n: number): number => {
  let width = 1;
  for (let limit = 2 ** FINAL_BITS; n >= limit; limit *= 2 ** MORE_BITS) width++;
  return width;
};

/** Number `n`'s characters, as encodeNumberSql writes them. */
export const encodeNumber = (n: number): string => {
  if (!Number.isSafeInteger(n) || n < 0)
    throw new RangeError(`a tag code is a whole number 0..${MAX_CODED}, got ${n}`);
  const codes = [FINAL_FIRST + (n % 2 ** FINAL_BITS)];
  for (let rest = Math.floor(n / 2 ** FINAL_BITS); rest > 0; rest = Math.floor(rest / 2 ** MORE_BITS))
    codes.unshift(MORE_FIRST + (rest % 2 ** MORE_BITS));
  return String.fromCharCode(...codes);
};

/**
 * The SQL expression of integer expression `n`'s characters, the same as encodeNumber; NULL for a number it cannot
 * write (negative, beyond MAX_CODED or not an integer), which makes the whole post's text NULL (read from its tags).
 */
export const encodeNumberSql = (n: string): string => {
  const widths = widthOf(MAX_CODED);
  const branches: string[] = [];
  for (let width = 1; width <= widths; width++) {
    const limit = Math.min(2 ** (FINAL_BITS + MORE_BITS * (width - 1)), MAX_CODED + 1);
    const digits = [`${FINAL_FIRST} + ${n} % ${2 ** FINAL_BITS}`];
    for (let d = 1; d < width; d++) {
      const below = 2 ** (FINAL_BITS + MORE_BITS * (d - 1));
      digits.unshift(`${MORE_FIRST} + ${n} / ${below} % ${2 ** MORE_BITS}`);
    }
    branches.push(`WHEN ${n} < ${limit} THEN char(${digits.join(", ")})`);
  }
  return `(CASE WHEN typeof(${n}) IS NOT 'integer' OR ${n} < 0 THEN NULL ${branches.join(" ")} END)`;
};

/** Tag numbers below this are looked up in an array, larger ones in a map. */
const ARRAY_NUMBERS = 1 << 22;

/** Each tag number's node + 1 (0: no node): an array for the small numbers, a map for the rest. */
interface NodeTable {
  small: Int32Array;
  large: Map<number, number>;
}

const nodeTable = (nodes: readonly string[], tagNumbers: ReadonlyMap<string, number>): NodeTable => {
  let length = 0;
  for (const n of tagNumbers.values()) if (n < ARRAY_NUMBERS && n >= length) length = n + 1;
  const table = { small: new Int32Array(length), large: new Map<number, number>() };
  nodes.forEach((node, i) => {
    const n = tagNumbers.get(node);
    if (n === undefined) return;
    if (n < ARRAY_NUMBERS) table.small[n] = i + 1;
    else table.large.set(n, i + 1);
  });
  return table;
};

const FINAL_END = FINAL_FIRST + 2 ** FINAL_BITS;
const FINAL_BASE = 2 ** FINAL_BITS;
const MORE_END = MORE_FIRST + 2 ** MORE_BITS;
const MORE_BASE = 2 ** MORE_BITS;

/** Reads the posts of `text` into `counts`. */
const readPosts = (text: string, { small, large }: NodeTable, counts: PairCounts): void => {
  const { k } = counts;
  const smallLength = small.length;
  const post = new Int32Array(k);
  // The post each node was last seen in, so a repeated tag is kept once.
  const seenIn = new Float64Array(k).fill(-1);
  let size = 0;
  let posts = 0;
  let asNodes = false;
  let value = 0;
  // Inside a number (its leading digits read), and whether the post has any character yet.
  let pending = false;
  let started = false;
  for (let at = 0; at < text.length; at++) {
    const c = text.charCodeAt(at);
    if (c >= FINAL_FIRST && c < FINAL_END) {
      value = value * FINAL_BASE + (c - FINAL_FIRST);
      let node: number;
      if (asNodes) {
        if (value >= k) throw new RangeError(`node number ${value} outside 0..${k - 1} at ${at}`);
        node = value;
      } else
        node =
          (value < smallLength ? (small[value] as number) : large.size === 0 ? 0 : (large.get(value) ?? 0)) -
          1;
      if (node >= 0 && seenIn[node] !== posts) {
        seenIn[node] = posts;
        post[size++] = node;
      }
      value = 0;
      pending = false;
      started = true;
    } else if (c >= MORE_FIRST && c < MORE_END) {
      value = value * MORE_BASE + (c - MORE_FIRST);
      pending = true;
      started = true;
    } else if (c === POST_END_CODE && !pending) {
      if (size > 1) counts.add(post, size);
      size = 0;
      posts++;
      asNodes = false;
      started = false;
    } else if (c === NODE_NUMBERS_CODE && !started) {
      asNodes = true;
      started = true;
    } else
      throw new RangeError(
        `character U+${c.toString(16).padStart(4, "0")} out of place in tag codes, at ${at}`,
      );
  }
  if (pending) throw new RangeError("tag codes ending inside a number");
  if (size > 1) counts.add(post, size);
};

/**
 * Counts each pair of distinct nodes of every post in `text`, among `nodes`. `tagNumbers` gives each node's
 * number in tag_ids (a node without one appears in no post's tag numbers). A tag repeated in a post counts once.
 */
export const countNodePairs = (
  text: string,
  nodes: readonly string[],
  tagNumbers: ReadonlyMap<string, number>,
): NetworkEdge[] => {
  const k = nodes.length;
  if (k > MAX_NODES) throw new RangeError(`a network of more than ${MAX_NODES} nodes, got ${k}`);
  const table = nodeTable(nodes, tagNumbers);
  const counts = new PairCounts(k);
  readPosts(text, table, counts);
  return counts.edges(nodes);
};
