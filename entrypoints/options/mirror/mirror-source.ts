import { liveQuery } from "dexie";
import type { MirrorDb } from "../../common/mirror/mirror-db.ts";
import type { DashboardSource } from "../views/dashboard-source.ts";
import { readHashtagRows } from "./mirror-reader.ts";

/**
 * The front page's data, re-read whenever the mirror's tables change (Dexie's liveQuery sees writes from the
 * background worker too). The version is the sync cursor, which moves with every change the mirror takes in.
 */
export const mirrorSource = (db: MirrorDb): DashboardSource => ({
  watch: (onSnapshot, onError) => {
    const subscription = liveQuery(async () => {
      const [rows, cursor] = await Promise.all([readHashtagRows(db), db.meta.get("syncCursor")]);
      return { ...rows, version: String(cursor?.value ?? "") };
    }).subscribe({
      next: onSnapshot,
      error: (error: unknown) => onError(error instanceof Error ? error : new Error(String(error))),
    });
    return () => subscription.unsubscribe();
  },
});
