/** Tag numbers below this are summed in an array (8 bytes each, 32 MB at most), larger ones in a map. */
export const DENSE_NUMBERS = 1 << 22;

/**
 * Counts summed per tag number (tag_ids.id), for the hundreds of thousands of rows a long range reads. SQLite hands
 * each piece over as two JSON lists (json_group_array of each column, one row): a row at a time, better-sqlite3
 * spends microseconds building each row's array, several times what SQLite spends reading it, and one text of
 * "number,count" pairs costs SQLite a concatenation per row besides. Adding to an array slot
 * then costs a few nanoseconds where a map keyed by text costs a string and a hash per row. Numbers are small and
 * dense (tag_ids numbers from 1), so the array is sized by the largest number in the store.
 */
export class TagSums {
  private readonly dense: Float64Array;
  private readonly sparse = new Map<number, number>();

  constructor(largestNumber: number) {
    this.dense = new Float64Array(Math.max(0, Math.min(largestNumber + 1, DENSE_NUMBERS)));
  }

  add(id: number, n: number): void {
    if (id < this.dense.length) this.dense[id] = (this.dense[id] as number) + n;
    else {
      const sum = (this.sparse.get(id) ?? 0) + n;
      if (sum === 0) this.sparse.delete(id);
      else this.sparse.set(id, sum);
    }
  }

  /**
   * Adds a piece's rows given as two JSON lists (parseTagLists), each count times `sign`, checked as they are added:
   * one pass over a long range's hundreds of thousands of rows instead of two. A malformed piece throws, and the
   * sums it was being added to are never read.
   */
  addLists(numbers: string, counts: string, sign: 1 | -1 = 1): void {
    const [ids, ns] = twoLists(numbers, counts);
    for (let i = 0; i < ids.length; i++) {
      const id = ids[i] as number;
      const n = ns[i] as number;
      if (!isRow(id, n)) throw badRow(i, id, n);
      this.add(id, sign * n);
    }
  }

  /**
   * Every tag number whose sum is not 0 and, at the same index, its sum, in typed arrays: 50,000 numbers pushed
   * onto lists and copied again cost more than filling arrays sized for every number and keeping their start.
   */
  nonZero(): { numbers: Float64Array; sums: Float64Array } {
    const { dense } = this;
    const numbers = new Float64Array(dense.length + this.sparse.size);
    const sums = new Float64Array(numbers.length);
    let size = 0;
    for (let id = 0; id < dense.length; id++) {
      const sum = dense[id] as number;
      if (sum !== 0) {
        numbers[size] = id;
        sums[size++] = sum;
      }
    }
    for (const [id, n] of this.sparse) {
      numbers[size] = id;
      sums[size++] = n;
    }
    return { numbers: numbers.subarray(0, size), sums: sums.subarray(0, size) };
  }
}

const twoLists = (numbers: string, counts: string): [unknown[], unknown[]] => {
  const ids = JSON.parse(numbers) as unknown;
  const ns = JSON.parse(counts) as unknown;
  if (!Array.isArray(ids) || !Array.isArray(ns) || ids.length !== ns.length)
    throw new RangeError(
      `tag counts: two lists of the same length expected, got ${numbers.slice(0, 80)} and ${counts.slice(0, 80)}`,
    );
  return [ids, ns];
};

const isRow = (id: unknown, n: unknown): boolean =>
  Number.isSafeInteger(id) && (id as number) >= 0 && Number.isSafeInteger(n);

const badRow = (i: number, id: unknown, n: unknown) =>
  new RangeError(`tag counts: row ${i} is not a tag number and a count: ${JSON.stringify([id, n])}`);

/**
 * A piece's rows given as two JSON lists of the same length, the tag numbers and their counts (SQLite's
 * json_group_array of each column). Anything else is an error, so a malformed piece never passes as counts.
 */
export const parseTagLists = (numbers: string, counts: string): { numbers: number[]; counts: number[] } => {
  const [ids, ns] = twoLists(numbers, counts);
  for (let i = 0; i < ids.length; i++) if (!isRow(ids[i], ns[i])) throw badRow(i, ids[i], ns[i]);
  return { numbers: ids as number[], counts: ns as number[] };
};
