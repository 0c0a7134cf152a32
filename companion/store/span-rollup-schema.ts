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

const hashtagDelta = (row: "NEW" | "OLD", sign: "+" | "-") =>
  SPAN_DAYS.map((days) => {
    const span = spanOf(`${row}.day`, days);
    return sign === "+"
      ? `INSERT INTO hashtag_spans (hashtag, days, span, posts)
           SELECT ${row}.hashtag, ${days}, ${span}, ${row}.posts WHERE ${row}.posts <> 0
         ON CONFLICT (hashtag, days, span) DO UPDATE SET posts = posts + excluded.posts;`
      : `UPDATE hashtag_spans SET posts = posts - ${row}.posts
           WHERE hashtag = ${row}.hashtag AND days = ${days} AND span = ${span};
         DELETE FROM hashtag_spans WHERE hashtag = ${row}.hashtag AND days = ${days} AND span = ${span} AND posts = 0;`;
  }).join("\n");

const tagDelta = (row: "NEW" | "OLD", sign: "+" | "-") =>
  SPAN_DAYS.map((days) => {
    const span = spanOf(`${row}.day`, days);
    const key = `hashtag = ${row}.hashtag AND days = ${days} AND span = ${span} AND tag = ${row}.tag`;
    return sign === "+"
      ? `INSERT INTO tag_spans (hashtag, days, span, tag, n)
           SELECT ${row}.hashtag, ${days}, ${span}, ${row}.tag, ${row}.n WHERE ${row}.n <> 0
         ON CONFLICT (hashtag, days, span, tag) DO UPDATE SET n = n + excluded.n;`
      : `UPDATE tag_spans SET n = n - ${row}.n WHERE ${key};
         DELETE FROM tag_spans WHERE ${key} AND n = 0;`;
  }).join("\n");

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

  CREATE TRIGGER span_hashtag_added AFTER INSERT ON hashtag_days
  BEGIN ${hashtagDelta("NEW", "+")}
  END;
  CREATE TRIGGER span_hashtag_changed AFTER UPDATE ON hashtag_days
  BEGIN ${hashtagDelta("NEW", "+")} ${hashtagDelta("OLD", "-")}
  END;
  CREATE TRIGGER span_hashtag_removed AFTER DELETE ON hashtag_days WHEN OLD.posts <> 0
  BEGIN ${hashtagDelta("OLD", "-")}
  END;
  CREATE TRIGGER span_tag_added AFTER INSERT ON tag_days
  BEGIN ${tagDelta("NEW", "+")}
  END;
  CREATE TRIGGER span_tag_changed AFTER UPDATE ON tag_days
  BEGIN ${tagDelta("NEW", "+")} ${tagDelta("OLD", "-")}
  END;
  CREATE TRIGGER span_tag_removed AFTER DELETE ON tag_days WHEN OLD.n <> 0
  BEGIN ${tagDelta("OLD", "-")}
  END;

  ${SPAN_DAYS.map(rebuild).join("\n")}
`;
