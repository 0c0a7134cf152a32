import "fake-indexeddb/auto";
import Dexie from "dexie";
import { afterEach } from "vitest";
import { type MirrorDb, openMirrorDb } from "../mirror-db.ts";

/**
 * For tests: a factory of mirror databases with unique names in fake-indexeddb, each closed and deleted after
 * the test that opened it. Call it at a test file's top level (it registers the afterEach hook).
 */
export const throwawayMirrors = (prefix: string): (() => MirrorDb) => {
  const opened: MirrorDb[] = [];
  afterEach(async () => {
    for (const db of opened.splice(0)) {
      db.close();
      await Dexie.delete(db.name);
    }
  });
  return () => {
    const db = openMirrorDb(`${prefix}-${Math.random()}`);
    opened.push(db);
    return db;
  };
};
