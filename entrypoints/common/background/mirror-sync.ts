import { type CompanionApi, NotPairedError } from "../companion/companion-api.ts";
import type { ConnectionSettings } from "../companion/connection-settings.ts";
import type { MirrorDb } from "../mirror/mirror-db.ts";
import { streamPageFetch } from "../mirror/stream-page-fetch.ts";
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
    // The first page carries the follows (read before it), so a new follow and its posts arrive together.
    const stream = streamPageFetch(async function* (cursor, signal) {
      for await (const fetched of api.syncStream(cursor, signal)) {
        const withFollows = first;
        first = false;
        yield {
          nextCursor: fetched.nextCursor,
          hasMore: fetched.hasMore,
          read: () => {
            const { page, postTexts } = fetched.read();
            const mirrored = toMirrorPage(page, postTexts);
            return withFollows ? { ...mirrored, follows } : mirrored;
          },
        };
      }
    });
    try {
      return await syncMirror(db, stream.fetchPage);
    } finally {
      stream.close();
    }
  });
