import Database from "better-sqlite3";
import { databasePath } from "../paths.ts";

/** Reads a data folder's database on a read-only connection of its own, closed afterwards. */
export const readStore = <T>(dataDir: string, read: (db: Database.Database) => T): T => {
  const db = new Database(databasePath(dataDir), { readonly: true });
  try {
    return read(db);
  } finally {
    db.close();
  }
};
