import { type CompanionApi, NotPairedError } from "../companion/companion-api.ts";
import type { ConnectionSettings } from "../companion/connection-settings.ts";
import type { MirrorDb } from "../mirror/mirror-db.ts";
import { type SyncResult, singleFlight, syncMirror } from "../mirror/sync-mirror.ts";
import { toMirrorFollow, toMirrorPage } from "../mirror/sync-page-adapter.ts";

export interface CompanionAccess {
  readSettings: () => Promise<ConnectionSettings>;
  makeApi: (settings: ConnectionSettings) => CompanionApi;
}

/** Brings the mirror up to date with the companion (follows, then the feed from the stored cursor); one at a time. */
export const createMirrorSync = (db: MirrorDb, access: CompanionAccess): (() => Promise<SyncResult>) =>
  singleFlight(async () => {
    const settings = await access.readSettings();
    if (settings.token === null) throw new NotPairedError("not paired yet");
    const api = access.makeApi(settings);
    const follows = (await api.follows()).follows.map(toMirrorFollow);
    let first = true;
    return syncMirror(db, async (cursor) => {
      const fetched = await api.syncPage(cursor);
      const withFollows = first;
      first = false;
      return {
        nextCursor: fetched.nextCursor,
        hasMore: fetched.hasMore,
        read: () => {
          const page = toMirrorPage(fetched.read());
          return withFollows ? { ...page, follows } : page;
        },
      };
    });
  });
