import browser from "webextension-polyfill";
import { DEFAULT_PORT } from "../../../shared/api/default-port.ts";

/**
 * Where the companion listens and the token that pairs this browser with it. Kept in extension storage (not in
 * IndexedDB) so the background worker, the popup and the options page all see a change at once.
 */
export interface ConnectionSettings {
  baseUrl: string;
  token: string | null;
}

const KEY = "companion";

export const DEFAULT_BASE_URL = `http://127.0.0.1:${DEFAULT_PORT}`;

export const readConnectionSettings = async (): Promise<ConnectionSettings> => {
  const stored = (await browser.storage.local.get(KEY))[KEY] as Partial<ConnectionSettings> | undefined;
  return {
    baseUrl: typeof stored?.baseUrl === "string" ? stored.baseUrl : DEFAULT_BASE_URL,
    token: typeof stored?.token === "string" ? stored.token : null,
  };
};

export const writeConnectionSettings = async (
  change: Partial<ConnectionSettings>,
): Promise<ConnectionSettings> => {
  const next = { ...(await readConnectionSettings()), ...change };
  await browser.storage.local.set({ [KEY]: next });
  return next;
};

/** Calls `listener` whenever the settings change in any context of the extension. */
export const onConnectionSettingsChanged = (
  listener: (settings: ConnectionSettings) => void,
): (() => void) => {
  const handler = (changes: Record<string, browser.Storage.StorageChange>, area: string) => {
    if (area === "local" && KEY in changes) void readConnectionSettings().then(listener);
  };
  browser.storage.onChanged.addListener(handler);
  return () => browser.storage.onChanged.removeListener(handler);
};
