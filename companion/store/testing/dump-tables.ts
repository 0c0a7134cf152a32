import Database from "better-sqlite3";
import { databasePath } from "../paths.ts";

const TABLES = ["posts", "post_stats", "post_hashtags", "post_tags", "runs", "videos"] as const;

/** Every row of every table, to prove an operation changed nothing. */
export const dumpTables = (dataDir: string): Record<string, unknown[]> => {
  const db = new Database(databasePath(dataDir), { readonly: true });
  try {
    return Object.fromEntries(
      TABLES.map((table) => [table, db.prepare(`SELECT * FROM ${table} ORDER BY 1, 2`).all()]),
    );
  } finally {
    db.close();
  }
};
