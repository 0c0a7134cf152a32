import { xoroshiro128plus } from "pure-rand/generator/xoroshiro128plus";
import type { RandomGenerator } from "pure-rand/types/RandomGenerator";

/** A stable 32-bit hash of text (FNV-1a over UTF-16 units), so names can take part in seeds. */
export const hashText = (text: string): number => {
  let hash = 0x811c9dc5;
  for (let index = 0; index < text.length; index++) {
    hash ^= text.charCodeAt(index);
    hash = Math.imul(hash, 0x01000193);
  }
  return hash >>> 0;
};

/**
 * Folds integers into one 32-bit seed with murmur3's finaliser. xoroshiro seeded with neighbouring integers
 * starts with correlated output, and post i, i+1 are seeded with neighbouring indexes.
 */
export const mixSeed = (...parts: number[]): number => {
  let hash = 0x9e3779b9;
  for (const part of parts) {
    hash = Math.imul(hash ^ (part | 0), 0x85ebca6b);
    hash ^= hash >>> 13;
    hash = Math.imul(hash, 0xc2b2ae35);
    hash ^= hash >>> 16;
  }
  return hash | 0;
};

/** Seeded randomness with the few helpers the corpus needs. */
export class Random {
  private readonly rng: RandomGenerator;

  constructor(seed: number) {
    this.rng = xoroshiro128plus(seed);
  }

  /** Uniform in [0, 1). */
  float(): number {
    return (this.rng.next() >>> 0) / 0x1_0000_0000;
  }

  /**
   * Integer in [min, max], both included. Scaling a float is biased by at most one part in 2^32 / range,
   * which test data can afford; pure-rand's unbiased uniformInt is several times slower per call.
   */
  int(min: number, max: number): number {
    return min + Math.floor(this.float() * (max - min + 1));
  }

  chance(probability: number): boolean {
    return this.float() < probability;
  }

  pick<T>(items: readonly T[]): T {
    const item = items[this.int(0, items.length - 1)];
    if (item === undefined) throw new RangeError("cannot pick from an empty list");
    return item;
  }

  /** A string of decimal digits, for ids. */
  digits(count: number): string {
    let text = "";
    // Nine digits per draw: 10^9 < 2^32.
    while (text.length < count) text += String(1_000_000_000 + this.int(0, 999_999_999)).slice(1);
    return text.slice(0, count);
  }

  /** Letters, digits, '-' and '_', as in secUids and tokens. */
  base64url(count: number): string {
    const alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";
    let text = "";
    for (let index = 0; index < count; index++) text += alphabet[this.int(0, 63)];
    return text;
  }

  /** Heavy-tailed counts (views, followers): log-uniform between 10^minExp and 10^maxExp. */
  logUniform(minExponent: number, maxExponent: number): number {
    return Math.floor(10 ** (minExponent + this.float() * (maxExponent - minExponent)));
  }
}
