import type Database from "better-sqlite3";
import { type ChangeFeed, changeFeed } from "./change-feed.ts";
import { type FollowsTable, followsTable } from "./follows-table.ts";
import { type JobsTable, jobsTable } from "./jobs-table.ts";

/** What the job engine and the sync feed keep in the store, on the store's own connection. */
export interface EngineTables {
  jobs: JobsTable;
  follows: FollowsTable;
  changes: ChangeFeed;
}

export const engineTables = (db: Database.Database): EngineTables => ({
  jobs: jobsTable(db),
  follows: followsTable(db),
  changes: changeFeed(db),
});
