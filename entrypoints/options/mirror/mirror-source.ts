import type Dexie from "dexie";
import { liveQuery } from "dexie";
import type { DashboardSource } from "../views/dashboard-source.ts";
import { type MirrorTables, readHashtagRows } from "./mirror-reader.ts";

/**
 * The front page's data, re-read whenever the mirror's tables change (Dexie's liveQuery sees writes from the
 * background worker too). The version counts link rows and names the newest run, so new posts re-count the view.
 */
export const mirrorSource = (db: Dexie & MirrorTables): DashboardSource => ({
  watch: (onSnapshot, onError) => {
    const subscription = liveQuery(async () => {
      const [rows, links, posts] = await Promise.all([
        readHashtagRows(db),
        db.links.count(),
        db.posts.count(),
      ]);
      return { ...rows, version: `${links}:${posts}:${rows.runs[0]?.id ?? 0}` };
    }).subscribe({
      next: onSnapshot,
      error: (error: unknown) => onError(error instanceof Error ? error : new Error(String(error))),
    });
    return () => subscription.unsubscribe();
  },
});
