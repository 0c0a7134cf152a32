import type Database from "better-sqlite3";
import { MIGRATIONS } from "./schema.ts";

export const schemaVersion = (db: Database.Database): number =>
  db.pragma("user_version", { simple: true }) as number;

/** Brings the schema up to date; safe when two processes open a new database at once. */
export const migrate = (db: Database.Database, migrations: readonly string[] = MIGRATIONS): void => {
  const current = schemaVersion(db);
  if (current > migrations.length)
    throw new Error(
      `The database has schema version ${current}, newer than this program knows (${migrations.length}); update tiktok-hashtag-analysis`,
    );
  if (current === migrations.length) return;
  // IMMEDIATE takes the write lock before re-reading the version, so a concurrent opener cannot apply the
  // same migration twice.
  db.transaction(() => {
    for (let version = schemaVersion(db); version < migrations.length; version++) {
      try {
        db.exec(migrations[version] ?? "");
      } catch (error) {
        throw upgradeError(version, error);
      }
      db.pragma(`user_version = ${version + 1}`);
    }
  }).immediate();
};

/**
 * A failed migration rolls back whole, so the message says the store is as it was, and which step failed. A
 * migration that copies rows checks their foreign keys, which a store written with them off (e.g. by the sqlite3
 * shell) may break: say how to find those rows.
 */
const upgradeError = (version: number, error: unknown): Error => {
  const message = error instanceof Error ? error.message : String(error);
  const hint = /FOREIGN KEY constraint failed/u.test(message)
    ? " Some rows refer to a post or run that is not in the database (written with foreign keys off?): `PRAGMA foreign_key_check;` in the sqlite3 shell lists them; remove or restore them, then run again."
    : "";
  return new Error(
    `Could not upgrade the database from schema version ${version} to ${version + 1}: ${message}. Nothing was changed.${hint}`,
    { cause: error },
  );
};
