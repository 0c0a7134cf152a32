import { readConnectionSettings, writeConnectionSettings } from "../companion/connection-settings.ts";
import { sendExtensionMessage } from "../messages/send-message.ts";
import type { PairingStore } from "./pairing-panel.tsx";

/** The pairing kept in extension storage; mount as `<PairingPanel store={browserPairingStore} ... />`. */
export const browserPairingStore: PairingStore = {
  read: readConnectionSettings,
  write: writeConnectionSettings,
  paired: () => void sendExtensionMessage({ type: "sync-now" }).catch(() => undefined),
};
