import type { Random } from "./seeded-random.ts";

/**
 * Draws items with probability proportional to 1 / rank^exponent, the rank-frequency law hashtag and creator
 * popularity follow: a few items are everywhere, most are rare.
 */
export class ZipfSampler<T> {
  private readonly cumulative: Float64Array;

  constructor(
    private readonly items: readonly T[],
    exponent = 1.05,
  ) {
    if (items.length === 0) throw new RangeError("a Zipf sampler needs at least one item");
    this.cumulative = new Float64Array(items.length);
    let total = 0;
    for (let rank = 0; rank < items.length; rank++) {
      total += 1 / (rank + 1) ** exponent;
      this.cumulative[rank] = total;
    }
    for (let rank = 0; rank < items.length; rank++) this.cumulative[rank]! /= total;
  }

  sample(random: Random): T {
    const target = random.float();
    let low = 0;
    let high = this.cumulative.length - 1;
    while (low < high) {
      const middle = (low + high) >>> 1;
      if (this.cumulative[middle]! < target) low = middle + 1;
      else high = middle;
    }
    return this.items[low]!;
  }
}
