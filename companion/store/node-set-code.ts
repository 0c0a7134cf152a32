import type { NetworkEdge } from "../../shared/analysis/co-hashtag-network.ts";

/**
 * How SQLite hands the network its posts' node sets: one string per slice of posts, each post's kept nodes as
 * characters (node i as `width` characters, digits of base NODE_DIGITS from U+0100), posts separated by a space.
 * One string instead of a row per (post, tag) because crossing from SQLite to JavaScript costs more per row
 * than SQLite's own work: 1M posts come out as ~4 MB of text in one value.
 */

/** Digits per character: U+0100 .. U+D77F, below the surrogates, so every digit is one UTF-16 unit. */
export const NODE_DIGITS = 0xd800 - 0x100;
const FIRST_DIGIT = 0x100;
export const POST_SEPARATOR = " ";

/** Characters per node for `k` nodes. */
export const nodeWidth = (k: number): 1 | 2 => (k <= NODE_DIGITS ? 1 : 2);

/** Nodes this code can number, and count pairs of exactly (a * k + b stays a safe integer). */
export const MAX_NODES = Math.floor(Math.sqrt(Number.MAX_SAFE_INTEGER));

/** Node `i`'s characters, as the SQL writes them. */
export const encodeNode = (i: number, k: number): string =>
  nodeWidth(k) === 1
    ? String.fromCharCode(FIRST_DIGIT + i)
    : String.fromCharCode(FIRST_DIGIT + Math.floor(i / NODE_DIGITS), FIRST_DIGIT + (i % NODE_DIGITS));

/** The SQL expression of node `i`'s characters (an integer column), the same as encodeNode. */
export const encodeNodeSql = (i: string, k: number): string =>
  nodeWidth(k) === 1
    ? `char(${FIRST_DIGIT} + ${i})`
    : `char(${FIRST_DIGIT} + ${i} / ${NODE_DIGITS}) || char(${FIRST_DIGIT} + ${i} % ${NODE_DIGITS})`;

/** k x k counts while they fit in a few MB; a sparse map beyond, where most pairs never meet. */
const DENSE_NODES = 2048;

/** Counts each pair of distinct nodes of every post in `slices`, among `nodes` (the same list the SQL numbered). */
export const countNodePairs = (slices: Iterable<string>, nodes: readonly string[]): NetworkEdge[] => {
  const k = nodes.length;
  if (k > MAX_NODES) throw new RangeError(`a network of more than ${MAX_NODES} nodes, got ${k}`);
  const width = nodeWidth(k);
  const dense = k <= DENSE_NODES ? new Uint32Array(k * k) : null;
  const sparse = new Map<number, number>();
  const post: number[] = [];
  const flush = () => {
    for (let x = 0; x < post.length; x++)
      for (let y = x + 1; y < post.length; y++) {
        const a = post[x] as number;
        const b = post[y] as number;
        const cell = a < b ? a * k + b : b * k + a;
        if (dense) dense[cell] = (dense[cell] as number) + 1;
        else sparse.set(cell, (sparse.get(cell) ?? 0) + 1);
      }
    post.length = 0;
  };
  const separator = POST_SEPARATOR.charCodeAt(0);
  for (const text of slices) {
    for (let at = 0; at < text.length; ) {
      const c = text.charCodeAt(at);
      if (c === separator) {
        flush();
        at++;
        continue;
      }
      const i =
        width === 1
          ? c - FIRST_DIGIT
          : (c - FIRST_DIGIT) * NODE_DIGITS + text.charCodeAt(at + 1) - FIRST_DIGIT;
      if (!(i >= 0 && i < k)) throw new RangeError(`node number ${i} outside 0..${k - 1} at ${at}`);
      post.push(i);
      at += width;
    }
    flush();
  }
  const edges: NetworkEdge[] = [];
  const edge = (cell: number, weight: number) =>
    edges.push({ source: nodes[Math.floor(cell / k)] as string, target: nodes[cell % k] as string, weight });
  if (dense)
    dense.forEach((weight, cell) => {
      if (weight > 0) edge(cell, weight);
    });
  else for (const [cell, weight] of sparse) edge(cell, weight);
  return edges;
};
