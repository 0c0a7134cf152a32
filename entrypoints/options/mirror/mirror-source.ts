import { liveQuery } from "dexie";
import type { MirrorDb } from "../../common/mirror/mirror-db.ts";
import type { DashboardSource } from "../views/dashboard-source.ts";
import { readHashtagRows } from "./mirror-reader.ts";

const asError = (error: unknown): Error => (error instanceof Error ? error : new Error(String(error)));

/** Runs `query` now and again after every change to what it read (the background's writes included). */
const watchQuery = <T>(
  query: () => Promise<T>,
  onValue: (value: T) => void,
  onError: (error: Error) => void,
) => {
  const subscription = liveQuery(query).subscribe({
    next: onValue,
    error: (error: unknown) => onError(asError(error)),
  });
  return () => subscription.unsubscribe();
};

/**
 * The dashboard's view of the mirror, re-read whenever its tables change. The version is the sync cursor, which
 * moves with every change the mirror takes in.
 */
export const mirrorSource = (db: MirrorDb): DashboardSource => ({
  watch: (onSnapshot, onError) => watchQuery(() => readHashtagRows(db), onSnapshot, onError),
  watchPosts: (onState, onError) =>
    watchQuery(
      async () => {
        const [cursor, videos] = await Promise.all([db.meta.get("syncCursor"), db.videos.toArray()]);
        return {
          version: String(cursor?.value ?? ""),
          videoPostIds: new Set(videos.map((video) => video.postId)),
        };
      },
      onState,
      onError,
    ),
});
