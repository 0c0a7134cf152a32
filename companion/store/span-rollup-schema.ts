import { SPAN_DAYS } from "./span-cover.ts";

/**
 * The rollup of the per-day aggregate (co-occurrence-schema.ts) into spans of SPAN_DAYS days, so a long range
 * reads a few spans instead of every day (span-cover.ts picks them):
 *
 *   hashtag_spans (hashtag, days, span, posts)   hashtag_days summed over days span * days .. span * days + days - 1
 *   tag_spans     (hashtag, days, span, tag, n)  tag_days summed the same way
 *
 * Triggers on hashtag_days and tag_days keep it exact, so whatever writes the per-day rows (the link and tag
 * triggers, a bulk writer adding a batch's counts at once) keeps the spans right too: an inserted row adds its
 * count, an update adds the difference, a delete removes what was left. Spans whose count drops to 0 are deleted.
 */

/** Floor division as SQL, also right for days before 1970. */
const spanOf = (day: string, days: number) => `(${day} / ${days} - (${day} % ${days} < 0))`;

/** One per-day table rolled up into its span table. */
interface Rollup {
  source: "hashtag_days" | "tag_days";
  target: "hashtag_spans" | "tag_spans";
  /** The trigger names' middle part. */
  name: "hashtag" | "tag";
  /** Key columns besides hashtag and the span. */
  extraKeys: readonly string[];
  count: "posts" | "n";
}

const ROLLUPS: readonly Rollup[] = [
  { source: "hashtag_days", target: "hashtag_spans", name: "hashtag", extraKeys: [], count: "posts" },
  { source: "tag_days", target: "tag_spans", name: "tag", extraKeys: ["tag"], count: "n" },
];

/** Statements adding (sign "+") or removing ("-") one per-day row's count in each span length. */
const delta = ({ target, extraKeys, count }: Rollup, row: "NEW" | "OLD", sign: "+" | "-") =>
  SPAN_DAYS.map((days) => {
    const span = spanOf(`${row}.day`, days);
    const columns = ["hashtag", "days", "span", ...extraKeys];
    const values = [`${row}.hashtag`, `${days}`, span, ...extraKeys.map((column) => `${row}.${column}`)];
    const key = columns.map((column, i) => `${column} = ${values[i]}`).join(" AND ");
    return sign === "+"
      ? `INSERT INTO ${target} (${columns.join(", ")}, ${count})
           SELECT ${values.join(", ")}, ${row}.${count} WHERE ${row}.${count} <> 0
         ON CONFLICT (${columns.join(", ")}) DO UPDATE SET ${count} = ${count} + excluded.${count};`
      : `UPDATE ${target} SET ${count} = ${count} - ${row}.${count} WHERE ${key};
         DELETE FROM ${target} WHERE ${key} AND ${count} = 0;`;
  }).join("\n");

/** Keeps `rollup`'s spans exact under every insert, update and delete of its per-day rows. */
const rollupTriggers = (rollup: Rollup) => `
  CREATE TRIGGER span_${rollup.name}_added AFTER INSERT ON ${rollup.source}
  BEGIN ${delta(rollup, "NEW", "+")}
  END;
  CREATE TRIGGER span_${rollup.name}_changed AFTER UPDATE ON ${rollup.source}
  BEGIN ${delta(rollup, "NEW", "+")} ${delta(rollup, "OLD", "-")}
  END;
  CREATE TRIGGER span_${rollup.name}_removed AFTER DELETE ON ${rollup.source} WHEN OLD.${rollup.count} <> 0
  BEGIN ${delta(rollup, "OLD", "-")}
  END;`;

const rebuild = (days: number) => `
  INSERT INTO hashtag_spans (hashtag, days, span, posts)
    SELECT hashtag, ${days}, ${spanOf("day", days)} AS s, SUM(posts) FROM hashtag_days GROUP BY hashtag, s;
  INSERT INTO tag_spans (hashtag, days, span, tag, n)
    SELECT hashtag, ${days}, ${spanOf("day", days)} AS s, tag, SUM(n) FROM tag_days GROUP BY hashtag, s, tag;`;

// Updates add the new count before taking the old one away, so a span updated in place never passes through 0
// and is deleted only when it is really empty; rows of 0 (a writer's transient state) add nothing.
export const SPAN_ROLLUP_MIGRATION = `
  CREATE TABLE hashtag_spans (
    hashtag TEXT NOT NULL,
    days INTEGER NOT NULL,
    span INTEGER NOT NULL,
    posts INTEGER NOT NULL,
    PRIMARY KEY (hashtag, days, span)
  ) WITHOUT ROWID;
  CREATE TABLE tag_spans (
    hashtag TEXT NOT NULL,
    days INTEGER NOT NULL,
    span INTEGER NOT NULL,
    tag TEXT NOT NULL,
    n INTEGER NOT NULL,
    PRIMARY KEY (hashtag, days, span, tag)
  ) WITHOUT ROWID;

  ${ROLLUPS.map(rollupTriggers).join("\n")}

  ${SPAN_DAYS.map(rebuild).join("\n")}
`;
