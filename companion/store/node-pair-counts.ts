import type { NetworkEdge } from "../../shared/analysis/co-hashtag-network.ts";

/** k x k counts while they fit in a few MB; a sparse map beyond, where most pairs never meet. */
const DENSE_NODES = 2048;

/** Nodes the pairs are counted for exactly (a * k + b stays a safe integer). */
export const MAX_NODES = Math.floor(Math.sqrt(Number.MAX_SAFE_INTEGER));

/** Pair counts of k nodes: cell a * k + b (a < b) in an array while k x k fits in a few MB, in a map beyond. */
export class PairCounts {
  readonly dense: Uint32Array | null;
  readonly sparse = new Map<number, number>();
  constructor(readonly k: number) {
    this.dense = k <= DENSE_NODES ? new Uint32Array(k * k) : null;
  }

  /** Counts the pairs of the first `size` nodes of `post` (distinct). */
  add(post: Int32Array, size: number): void {
    const { k, dense, sparse } = this;
    for (let x = 0; x < size; x++) {
      const a = post[x] as number;
      for (let y = x + 1; y < size; y++) {
        const b = post[y] as number;
        const cell = a < b ? a * k + b : b * k + a;
        if (dense) dense[cell] = (dense[cell] as number) + 1;
        else sparse.set(cell, (sparse.get(cell) ?? 0) + 1);
      }
    }
  }

  edges(nodes: readonly string[]): NetworkEdge[] {
    const { k, dense, sparse } = this;
    const edges: NetworkEdge[] = [];
    const edge = (cell: number, weight: number) =>
      edges.push({
        source: nodes[Math.floor(cell / k)] as string,
        target: nodes[cell % k] as string,
        weight,
      });
    if (dense)
      dense.forEach((weight, cell) => {
        if (weight > 0) edge(cell, weight);
      });
    else for (const [cell, weight] of sparse) edge(cell, weight);
    return edges;
  }
}
