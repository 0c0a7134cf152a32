import type { HashtagCounts, IndexedCounts } from "../../shared/analysis/hashtag-frequencies.ts";
import type { tagNames } from "./tag-names.ts";

/**
 * Counts summed by tag number (tag-sums.ts) and the few counted by text (tags a partial day found without a
 * number), handed over as IndexedCounts so that rankHashtags names only the tags it may show (one look-up for a
 * few dozen instead of the text of all 50,000 of a long tail), and as HashtagCounts, whose map of every tag is
 * named on first use for the callers that need them all. The tags counted by text come first, then the numbered
 * ones in the order given; the map keeps that order.
 *
 * Numbers read inside a transaction could go with its rollback and be given to another tag, so counts taken in one
 * are named at once; outside one, a number stays its tag's for good (tag-names.ts) and naming can wait.
 */
export const numberedCounts = (
  names: ReturnType<typeof tagNames>,
  totalPosts: number,
  byText: ReadonlyMap<string, number>,
  numbered: { numbers: Float64Array | readonly number[]; sums: Float64Array | readonly number[] },
  nameNow: boolean,
): HashtagCounts & IndexedCounts => {
  const texts = [...byText.keys()];
  const first = texts.length;
  let countsByIndex: ArrayLike<number> = numbered.sums;
  if (first > 0) {
    const both = new Float64Array(first + numbered.numbers.length);
    both.set([...byText.values()]);
    both.set(numbered.sums, first);
    countsByIndex = both;
  }

  let everyTag: string[] | undefined;
  const tagsAt = (indexes: readonly number[]): string[] => {
    for (const i of indexes)
      if (!Number.isInteger(i) || i < 0 || i >= countsByIndex.length)
        throw new RangeError(`no tag counted at index ${i} of ${countsByIndex.length}`);
    if (everyTag !== undefined) return indexes.map((i) => everyTag![i]!);
    const numbers = indexes.filter((i) => i >= first).map((i) => numbered.numbers[i - first]!);
    const named = names.namesOf(numbers);
    let next = 0;
    return indexes.map((i) => (i < first ? texts[i]! : named[next++]!));
  };
  const allTags = (): string[] => {
    everyTag ??= tagsAt(Array.from(countsByIndex, (_, i) => i));
    return everyTag;
  };
  if (nameNow) allTags();

  let map: Map<string, number> | undefined;
  return {
    totalPosts,
    countsByIndex,
    tagsAt,
    indexOf(tag) {
      if (byText.has(tag)) return texts.indexOf(tag);
      const number = names.numberOf(tag);
      const at = number === undefined ? -1 : numbered.numbers.indexOf(number);
      return at === -1 ? -1 : first + at;
    },
    get counts() {
      if (map === undefined) {
        const tags = allTags();
        map = new Map(tags.map((tag, i) => [tag, countsByIndex[i]!]));
      }
      return map;
    },
  };
};
