import type Database from "better-sqlite3";
import { compareCodePoints } from "../../shared/analysis/python-format.ts";
import { encodeNumber, MAX_CODED } from "./tag-code.ts";

/**
 * A bulk writer's tag numbers (tag_ids, tag-codes-schema.ts) kept in JavaScript for one transaction, so a new
 * post's link gets its tag_codes as it is inserted instead of being rewritten from a join afterwards.
 *
 * A number read or given is valid for as long as the transaction lasts: tag_ids rows are never changed or
 * deleted (its triggers refuse it), and only a rollback can take back the ones this transaction added, which is
 * why forget() must follow one. Tags are numbered in the order they are first asked for, one statement per batch
 * for the ones not seen yet and one for those with no number at all.
 */
export interface TagNumbers {
  /** Gives every tag in `tags` a number, reading or adding the ones this transaction has not seen yet. */
  number(tags: Iterable<string>): void;
  /**
   * A post's tag_codes text from its own tags, all numbered before, in code point order (their UTF-8 bytes' order,
   * the order SQLite reads them off post_tags' key), the order the SQL that recomputes it writes (so a later recompute of an unchanged post leaves the same text); null when a number cannot be written.
   */
  codes(tags: readonly string[]): string | null;
  /** A tag's number, when this transaction numbered or read it and JavaScript holds it exactly. */
  numberOf(tag: string): number | undefined;
  /** Forgets every number (after a rollback, or before another transaction). */
  forget(): void;
}

/**
 * A UTF-16 surrogate, half of a character above U+FFFF or a lone one. No `u` flag, so the class matches code units:
 * each half of a pair as well as a lone one.
 */
const SURROGATE = /[\uD800-\uDFFF]/;

export const tagNumbers = (db: Database.Database): TagNumbers => {
  const known = db
    .prepare<[string], [string, number]>(
      "SELECT tag, id FROM tag_ids WHERE tag IN (SELECT value FROM json_each(?))",
    )
    .raw();
  // ORDER BY key: the ids follow the order the tags were first asked for.
  const add = db
    .prepare<[string], [string, number]>(
      "INSERT INTO tag_ids (tag) SELECT value FROM json_each(?) ORDER BY key RETURNING tag, id",
    )
    .raw();
  /**
   * Each tag's number (undefined beyond a safe integer), its characters in tag_codes (null when its number cannot
   * be written, beyond MAX_CODED), and whether it holds a surrogate (its UTF-16 order may differ from its code
   * points').
   */
  const codeOf = new Map<string, { number: number | undefined; code: string | null; surrogate: boolean }>();
  const remember = (rows: [string, number][]) => {
    for (const [tag, id] of rows) {
      const exact = Number.isSafeInteger(id);
      codeOf.set(tag, {
        number: exact ? id : undefined,
        code: exact && id >= 0 && id <= MAX_CODED ? encodeNumber(id) : null,
        surrogate: SURROGATE.test(tag),
      });
    }
  };
  return {
    number(tags) {
      const unseen = new Set<string>();
      for (const tag of tags) if (!codeOf.has(tag)) unseen.add(tag);
      if (unseen.size === 0) return;
      remember(known.all(JSON.stringify([...unseen])));
      const missing = [...unseen].filter((tag) => !codeOf.has(tag));
      if (missing.length > 0) remember(add.all(JSON.stringify(missing)));
    },
    codes(tags) {
      let surrogate = false;
      for (const tag of tags) {
        const known = codeOf.get(tag);
        if (known === undefined)
          throw new Error(`tag ${JSON.stringify(tag)} was not numbered before its codes`);
        if (known.code === null) return null;
        surrogate ||= known.surrogate;
      }
      // Without surrogates UTF-16 order is code point order, and the default sort compares natively.
      const sorted = surrogate ? [...tags].sort(compareCodePoints) : [...tags].sort();
      let text = "";
      for (const tag of sorted) text += codeOf.get(tag)!.code!;
      return text;
    },
    numberOf(tag) {
      return codeOf.get(tag)?.number;
    },
    forget() {
      codeOf.clear();
    },
  };
};
