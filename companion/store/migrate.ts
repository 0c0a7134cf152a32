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
      db.exec(migrations[version] ?? "");
      db.pragma(`user_version = ${version + 1}`);
    }
  }).immediate();
};
