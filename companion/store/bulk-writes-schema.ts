import { aggregateTriggers, DROP_AGGREGATE_TRIGGERS } from "./co-occurrence-schema.ts";

/**
 * Bulk writes: an import turns off the per-row triggers for its own rows and writes the same counts and change
 * feed rows set-based, once per batch or per file (bulk-writes.ts), because the per-row triggers cost more than
 * the posts themselves (a dozen aggregate rows and two change-feed rows per new post).
 *
 * The switch is a row in bulk_writes that the importing connection inserts after BEGIN and deletes before COMMIT,
 * so no other connection ever sees it: everyone else, the sqlite3 shell included, writes with every trigger on,
 * and a crash rolls the row back with the rest of the transaction. The triggers check it with one lookup in an
 * empty table.
 */
export const BULK_GUARD = "NOT EXISTS (SELECT 1 FROM bulk_writes)";

/** The change feed's trigger on the link table, for a migration that rebuilds it (post-hashtags-keys.ts). */
export const POST_LINKED_TRIGGER = `
  CREATE TRIGGER post_linked AFTER INSERT ON post_hashtags WHEN ${BULK_GUARD} BEGIN
    DELETE FROM changes WHERE kind = 'post' AND key = NEW.post_id;
    INSERT INTO changes (kind, key) VALUES ('post', NEW.post_id);
  END;`;

const changeFeedTriggers = `
  CREATE TRIGGER post_inserted AFTER INSERT ON posts WHEN ${BULK_GUARD} BEGIN
    DELETE FROM changes WHERE kind = 'post' AND key = NEW.id;
    INSERT INTO changes (kind, key) VALUES ('post', NEW.id);
  END;
  CREATE TRIGGER post_updated AFTER UPDATE ON posts WHEN ${BULK_GUARD} AND OLD.json IS NOT NEW.json BEGIN
    DELETE FROM changes WHERE kind = 'post' AND key = NEW.id;
    INSERT INTO changes (kind, key) VALUES ('post', NEW.id);
  END;
  ${POST_LINKED_TRIGGER}`;

export const BULK_WRITES_MIGRATION = `
  CREATE TABLE bulk_writes (on_connection INTEGER PRIMARY KEY);
  ${DROP_AGGREGATE_TRIGGERS}
  ${aggregateTriggers(BULK_GUARD)}
  DROP TRIGGER post_inserted;
  DROP TRIGGER post_updated;
  DROP TRIGGER post_linked;
  ${changeFeedTriggers}
`;
