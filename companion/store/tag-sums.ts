/** Tag numbers below this are summed in an array (8 bytes each, 32 MB at most), larger ones in a map. */
export const DENSE_NUMBERS = 1 << 22;

const COMMA = 0x2c;
const ZERO = 0x30;
const NINE = 0x39;

/**
 * Counts summed per tag number (tag_ids.id), for the hundreds of thousands of rows a long range reads. SQLite hands
 * each piece over as one text of "number,count" pairs (group_concat): a row at a time, better-sqlite3 spends
 * microseconds building each row's array, several times what SQLite spends reading it. Adding to an array slot
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
   * Adds `text`, comma-separated whole numbers "number,count,number,count,..." (null or "": nothing), each count
   * times `sign`. Anything else is an error naming the place, so a malformed text never passes as counts.
   */
  addPairs(text: string | null, sign: 1 | -1 = 1): void {
    if (text === null || text === "") return;
    let value = 0;
    let digits = 0;
    let id = -1;
    for (let at = 0; at <= text.length; at++) {
      const c = at < text.length ? text.charCodeAt(at) : COMMA;
      if (c >= ZERO && c <= NINE) {
        value = value * 10 + (c - ZERO);
        digits++;
        continue;
      }
      if (c !== COMMA || digits === 0 || !Number.isSafeInteger(value))
        throw new RangeError(
          `tag counts: expected a whole number at ${at - digits} of ${JSON.stringify(text.slice(0, 80))}`,
        );
      if (id < 0) id = value;
      else {
        this.add(id, sign * value);
        id = -1;
      }
      value = 0;
      digits = 0;
    }
    if (id >= 0) throw new RangeError(`tag counts: tag number ${id} without a count at the end`);
  }

  /** Every tag number whose sum is not 0 and, at the same index, its sum. */
  nonZero(): { numbers: number[]; sums: number[] } {
    const numbers: number[] = [];
    const sums: number[] = [];
    const { dense } = this;
    for (let id = 0; id < dense.length; id++)
      if (dense[id] !== 0) {
        numbers.push(id);
        sums.push(dense[id] as number);
      }
    for (const [id, n] of this.sparse) {
      numbers.push(id);
      sums.push(n);
    }
    return { numbers, sums };
  }
}
