import { liveQuery } from "dexie";
import type { MirrorDb } from "../../common/mirror/mirror-db.ts";
import type { DashboardSource } from "../views/dashboard-source.ts";
import { readHashtagRows } from "./mirror-reader.ts";

const asError = (error: unknown): Error => (error instanceof Error ? error : new Error(String(error)));

/**
 * The dashboard's view of the mirror, re-read whenever its tables change (Dexie's liveQuery sees the background
 * worker's writes too). The version is the sync cursor, which moves with every change the mirror takes in.
 */
export const mirrorSource = (db: MirrorDb): DashboardSource => ({
  watch: (onSnapshot, onError) => {
    const subscription = liveQuery(() => readHashtagRows(db)).subscribe({
      next: onSnapshot,
      error: (error: unknown) => onError(asError(error)),
    });
    return () => subscription.unsubscribe();
  },
  watchVersion: (onVersion, onError) => {
    const subscription = liveQuery(async () =>
      String((await db.meta.get("syncCursor"))?.value ?? ""),
    ).subscribe({
      next: onVersion,
      error: (error: unknown) => onError(asError(error)),
    });
    return () => subscription.unsubscribe();
  },
});
