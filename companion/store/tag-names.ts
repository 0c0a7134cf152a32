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

  return {
    /** The largest tag number given so far (0 when none). */
    largestNumber: (): number => largest.get() ?? 0,

    /** Each number's tag; a number without one is an error (tag_ids rows are never deleted). */
    namesOf(ids: readonly number[]): Map<number, string> {
      const names = new Map<number, string>();
      const missing: number[] = [];
      for (const id of ids) {
        const name = kept.get(id);
        if (name === undefined) missing.push(id);
        else names.set(id, name);
      }
      if (missing.length === 0) return names;
      const [idsText, tagsText] = read.get(JSON.stringify(missing))!;
      const found = JSON.parse(idsText) as number[];
      const tags = JSON.parse(tagsText) as string[];
      const keep = !db.inTransaction;
      found.forEach((id, i) => {
        names.set(id, tags[i]!);
        if (keep) kept.set(id, tags[i]!);
      });
      const unknown = missing.find((id) => !names.has(id));
      if (unknown !== undefined) throw new Error(`tag number ${unknown} has no row in tag_ids`);
      return names;
    },
  };
};
