/** A small async key/value store (browser.storage.session in the extension, a Map in tests). */
export interface KeyValueStore {
  get: (key: string) => Promise<unknown>;
  set: (key: string, value: unknown) => Promise<void>;
  remove: (key: string) => Promise<void>;
}

interface TabRecord {
  new: Set<string>;
  known: Set<string>;
}

const keyOf = (tabId: number) => `capture-tab-${tabId}`;

const ids = (value: unknown): string[] =>
  Array.isArray(value) ? value.filter((id): id is string => typeof id === "string") : [];

const readRecord = (value: unknown): TabRecord => {
  const stored = typeof value === "object" && value !== null ? (value as Record<string, unknown>) : {};
  return { new: new Set(ids(stored.new)), known: new Set(ids(stored.known)) };
};

/**
 * The distinct posts each tab captured: new (the extension did not hold them) or already known. Kept in session
 * storage because the background worker stops when idle while the tab stays open; a post counts once per tab.
 */
export const createTabCounts = (store: KeyValueStore) => {
  const cache = new Map<number, Promise<TabRecord>>();
  const load = (tabId: number): Promise<TabRecord> => {
    let record = cache.get(tabId);
    if (record === undefined) {
      record = store.get(keyOf(tabId)).then(readRecord, () => readRecord(undefined));
      cache.set(tabId, record);
    }
    return record;
  };
  return {
    add: async (tabId: number, stored: { newIds: string[]; knownIds: string[] }): Promise<void> => {
      const record = await load(tabId);
      for (const id of stored.newIds) if (!record.known.has(id)) record.new.add(id);
      for (const id of stored.knownIds) if (!record.new.has(id)) record.known.add(id);
      await store.set(keyOf(tabId), { new: [...record.new], known: [...record.known] });
    },
    counts: async (tabId: number): Promise<{ tabNew: number; tabKnown: number }> => {
      const record = await load(tabId);
      return { tabNew: record.new.size, tabKnown: record.known.size };
    },
    forget: async (tabId: number): Promise<void> => {
      cache.delete(tabId);
      await store.remove(keyOf(tabId));
    },
  };
};

export type TabCounts = ReturnType<typeof createTabCounts>;
