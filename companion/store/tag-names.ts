import type Database from "better-sqlite3";

/**
 * The text of tag numbers (tag_ids, tag-codes-schema.ts), for counts summed by number. tag_ids rows are never
 * changed or deleted once committed (its triggers refuse it), so names read outside a transaction are kept for the
 * connection's later queries; inside one, a number could still go with a rollback and be given to another tag, so
 * what a transaction reads is not kept. The names come as two JSON lists in one row, which any text survives and
 * which costs far less than a row per name.
 */
export const tagNames = (db: Database.Database) => {
  const kept = new Map<number, string>();
  const read = db
    .prepare<[string], [ids: string, tags: string]>(
      `SELECT json_group_array(i.id), json_group_array(i.tag)
       FROM json_each(?) j JOIN tag_ids i ON i.id = j.value`,
    )
    .raw();
  const largest = db.prepare<[], number | null>("SELECT max(id) FROM tag_ids").pluck();
  const number = db.prepare<[string], number>("SELECT id FROM tag_ids WHERE tag = ?").pluck();

  return {
    /** The largest tag number given so far (0 when none). */
    largestNumber: (): number => largest.get() ?? 0,

    /** The tag's number, undefined when it has none. */
    numberOf: (tag: string): number | undefined => number.get(tag),

    /** Each number's tag, in the order given; a number without one is an error (tag_ids rows are never deleted). */
    namesOf(ids: readonly number[]): string[] {
      const names = ids.map((id) => kept.get(id));
      const missing = ids.filter((_, i) => names[i] === undefined);
      if (missing.length > 0) {
        const [idsText, tagsText] = read.get(JSON.stringify(missing))!;
        const found = JSON.parse(idsText) as number[];
        const tags = JSON.parse(tagsText) as string[];
        const fresh = new Map(found.map((id, i) => [id, tags[i]!]));
        const keep = !db.inTransaction;
        ids.forEach((id, i) => {
          if (names[i] !== undefined) return;
          const tag = fresh.get(id);
          if (tag === undefined) throw new Error(`tag number ${id} has no row in tag_ids`);
          names[i] = tag;
          if (keep) kept.set(id, tag);
        });
      }
      return names as string[];
    },
  };
};
