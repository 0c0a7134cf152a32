import { BULK_GUARD } from "./bulk-writes-schema.ts";
import { NUMBERED_SPAN_DAYS } from "./span-cover.ts";

/**
 * The per-day aggregate's tag counts (tag_days, co-occurrence-schema.ts) again, keyed by each tag's number in
 * tag_ids (tag-codes-schema.ts) instead of its text, per day, per aligned span of days and all time, so a range
 * reads short integer rows and sums them into an array by number instead of a map by text (tag-sums.ts; a long
 * tail of 50,000 hashtags has ~4,000 rows a day and ~40,000 a 64-day span):
 *
 *   tag_number_spans  (hashtag, days, span, tag_id, n)  tag_days summed over days span * days .. span * days + days - 1,
 *                                                       for days in NUMBERED_SPAN_DAYS (1: the day itself)
 *   tag_number_totals (hashtag, tag_id, n)              tag_days summed over every day
 *
 * Triggers on tag_days keep both exact, so every writer of the per-day rows keeps them right: the link and tag
 * triggers, a script, the sqlite3 shell. A bulk writer (bulk-writes.ts) turns them off with the bulk_writes switch
 * and adds its file's net per-day counts set-based (numberedRollupFrom), because one trigger run per tag_days row
 * was most of its finish(). A tag without a number is numbered
 * first (tag_ids rows are never changed or deleted, so a number once read stays that tag's). Rows whose count drops
 * to 0 are deleted. They replace span-rollup-schema.ts's text-keyed tag_spans; its hashtag_spans stay.
 */

/** Floor division as SQL, also right for days before 1970. */
const spanOf = (day: string, days: number) =>
  days === 1 ? day : `(${day} / ${days} - (${day} % ${days} < 0))`;

const numberOf = (row: "NEW" | "OLD") => `(SELECT id FROM tag_ids WHERE tag = ${row}.tag)`;

/**
 * Numbers the tag when it has none. NOT EXISTS rather than OR IGNORE: inside a trigger the outer statement's
 * conflict clause replaces OR IGNORE, and a REPLACE would renumber the tag.
 */
const numberTag = (row: "NEW" | "OLD") =>
  `INSERT INTO tag_ids (tag) SELECT ${row}.tag WHERE NOT EXISTS (SELECT 1 FROM tag_ids WHERE tag = ${row}.tag);`;

/** Targets of one per-day row: each span length, then the totals. */
const targets = (row: "NEW" | "OLD") => [
  ...NUMBERED_SPAN_DAYS.map((days) => ({
    table: "tag_number_spans",
    columns: ["hashtag", "days", "span", "tag_id"],
    values: [`${row}.hashtag`, `${days}`, spanOf(`${row}.day`, days), numberOf(row)],
  })),
  { table: "tag_number_totals", columns: ["hashtag", "tag_id"], values: [`${row}.hashtag`, numberOf(row)] },
];

/** Statements adding (sign "+") or removing ("-") one per-day row's count. */
const delta = (row: "NEW" | "OLD", sign: "+" | "-") =>
  targets(row)
    .map(({ table, columns, values }) => {
      if (sign === "+")
        return `INSERT INTO ${table} (${columns.join(", ")}, n)
           SELECT ${values.join(", ")}, ${row}.n WHERE ${row}.n <> 0
         ON CONFLICT (${columns.join(", ")}) DO UPDATE SET n = n + excluded.n;`;
      const key = columns.map((column, i) => `${column} = ${values[i]}`).join(" AND ");
      return `UPDATE ${table} SET n = n - ${row}.n WHERE ${key};
         DELETE FROM ${table} WHERE ${key} AND n = 0;`;
    })
    .join("\n");

const rebuild = (days: number) => `
  INSERT INTO tag_number_spans (hashtag, days, span, tag_id, n)
    SELECT d.hashtag, ${days}, ${spanOf("d.day", days)} AS s, i.id, SUM(d.n)
    FROM tag_days d JOIN tag_ids i ON i.tag = d.tag GROUP BY d.hashtag, s, i.id;`;

/**
 * The triggers keeping the rollup, firing only when `guard` holds (empty: always). Updates add the new count before
 * taking the old one away, so a row updated in place never passes through 0 and is deleted only when it is really
 * empty; rows of 0 (a writer's transient state) add nothing.
 */
const triggers = (guard: string) => {
  const when = (condition: string) => {
    const all = [guard, condition].filter((c) => c !== "");
    return all.length === 0 ? "" : `WHEN ${all.join(" AND ")}`;
  };
  return `
  CREATE TRIGGER numbered_tag_added AFTER INSERT ON tag_days ${when("")}
  BEGIN ${numberTag("NEW")} ${delta("NEW", "+")}
  END;
  CREATE TRIGGER numbered_tag_changed AFTER UPDATE ON tag_days ${when("")}
  BEGIN ${numberTag("NEW")} ${delta("NEW", "+")} ${delta("OLD", "-")}
  END;
  CREATE TRIGGER numbered_tag_removed AFTER DELETE ON tag_days ${when("OLD.n <> 0")}
  BEGIN ${delta("OLD", "-")}
  END;`;
};

export const NUMBERED_ROLLUP_MIGRATION = `
  DROP TRIGGER span_tag_added;
  DROP TRIGGER span_tag_changed;
  DROP TRIGGER span_tag_removed;
  DROP TABLE tag_spans;

  CREATE TABLE tag_number_spans (
    hashtag TEXT NOT NULL,
    days INTEGER NOT NULL,
    span INTEGER NOT NULL,
    tag_id INTEGER NOT NULL,
    n INTEGER NOT NULL,
    PRIMARY KEY (hashtag, days, span, tag_id)
  ) WITHOUT ROWID;
  CREATE TABLE tag_number_totals (
    hashtag TEXT NOT NULL,
    tag_id INTEGER NOT NULL,
    n INTEGER NOT NULL,
    PRIMARY KEY (hashtag, tag_id)
  ) WITHOUT ROWID;

  ${triggers("")}
  INSERT INTO tag_ids (tag) SELECT DISTINCT tag FROM tag_days WHERE tag NOT IN (SELECT tag FROM tag_ids);
  ${NUMBERED_SPAN_DAYS.map(rebuild).join("\n")}
  INSERT INTO tag_number_totals (hashtag, tag_id, n)
    SELECT d.hashtag, i.id, SUM(d.n) FROM tag_days d JOIN tag_ids i ON i.tag = d.tag GROUP BY d.hashtag, i.id;
`;

/** The same triggers, skipped by the connection holding the bulk_writes switch (bulk-writes-schema.ts). */
export const NUMBERED_ROLLUP_BULK_MIGRATION = `
  DROP TRIGGER numbered_tag_added;
  DROP TRIGGER numbered_tag_changed;
  DROP TRIGGER numbered_tag_removed;
  ${triggers(BULK_GUARD)}
`;

/**
 * Statements adding net per-day count changes held in `source` (hashtag, day, tag, n; one row per hashtag, day and
 * tag; n of either sign, rows of 0 allowed) to the rollup, as the triggers would have row by row: the tags numbered
 * first, each span and total changed by its summed difference, and the rows a negative difference may have emptied
 * deleted. A day's span is its one source row (a tag has one number), so it skips the sort a GROUP BY would cost
 * (a 20k-post import: ~1/3 of that statement).
 */
export const numberedRollupFrom = (source: string): string[] => {
  const numbered = `${source} b JOIN tag_ids i ON i.tag = b.tag`;
  return [
    `INSERT INTO tag_ids (tag) SELECT b.tag FROM ${source} b
       WHERE b.n <> 0 AND NOT EXISTS (SELECT 1 FROM tag_ids i WHERE i.tag = b.tag) GROUP BY b.tag`,
    // WHERE true: without it SQLite cannot tell the upsert's ON from a join's.
    ...NUMBERED_SPAN_DAYS.map((days) =>
      days === 1
        ? `INSERT INTO tag_number_spans (hashtag, days, span, tag_id, n)
        SELECT b.hashtag, 1, b.day, i.id, b.n FROM ${numbered} WHERE b.n <> 0
      ON CONFLICT (hashtag, days, span, tag_id) DO UPDATE SET n = n + excluded.n`
        : `INSERT INTO tag_number_spans (hashtag, days, span, tag_id, n)
        SELECT b.hashtag, ${days}, ${spanOf("b.day", days)} AS s, i.id, SUM(b.n) AS total
        FROM ${numbered} WHERE true GROUP BY b.hashtag, s, i.id HAVING total <> 0
      ON CONFLICT (hashtag, days, span, tag_id) DO UPDATE SET n = n + excluded.n`,
    ),
    `INSERT INTO tag_number_totals (hashtag, tag_id, n)
       SELECT b.hashtag, i.id, SUM(b.n) AS total FROM ${numbered} WHERE true GROUP BY b.hashtag, i.id HAVING total <> 0
     ON CONFLICT (hashtag, tag_id) DO UPDATE SET n = n + excluded.n`,
    ...NUMBERED_SPAN_DAYS.map(
      (days) => `DELETE FROM tag_number_spans WHERE days = ${days} AND n = 0
        AND (hashtag, span, tag_id) IN (SELECT b.hashtag, ${spanOf("b.day", days)}, i.id FROM ${numbered} WHERE b.n < 0)`,
    ),
    `DELETE FROM tag_number_totals WHERE n = 0
       AND (hashtag, tag_id) IN (SELECT b.hashtag, i.id FROM ${numbered} WHERE b.n < 0)`,
  ];
};
