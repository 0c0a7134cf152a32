import { useEffect, useMemo, useState } from "preact/hooks";
import { createApiClient } from "../../../shared/api/client.ts";
import { API_ROUTES, HealthResponse } from "../../../shared/api/contract.ts";
import {
  type ConnectionSettings,
  onConnectionSettingsChanged,
  readConnectionSettings,
} from "../../common/companion/connection-settings.ts";
import { sendExtensionMessage } from "../../common/messages/send-message.ts";
import type { DashboardCompanion } from "../app.tsx";
import { saveFile } from "../export/save-file.ts";
import { companionActions, fetchMedia } from "./companion-actions.ts";
import { companionEngagement } from "./engagement-source.ts";

/** How often the page checks the companion is still there: its actions switch off soon after it stops. */
const POLL_MS = 5000;

const requestSync = async (): Promise<void> => {
  // The background mirrors the change; the page sees it through the mirror like any other.
  await sendExtensionMessage({ type: "sync-now" }).catch(() => undefined);
};

/**
 * The running, paired companion; null while it is stopped or this browser holds no token; "checking" until the
 * first health check has answered.
 */
export const useCompanion = (): DashboardCompanion | null | "checking" => {
  const [settings, setSettings] = useState<ConnectionSettings | null>(null);
  /** null: not asked yet. */
  const [up, setUp] = useState<boolean | null>(null);
  useEffect(() => {
    void readConnectionSettings().then(setSettings);
    return onConnectionSettingsChanged(setSettings);
  }, []);
  useEffect(() => {
    if (settings === null || settings.token === null) return setUp(false);
    const client = createApiClient({ ...settings, retries: 0 });
    let current = true;
    const check = () =>
      client.get(API_ROUTES.health, HealthResponse).then(
        () => current && setUp(true),
        () => current && setUp(false),
      );
    void check();
    const timer = setInterval(check, POLL_MS);
    return () => {
      current = false;
      clearInterval(timer);
    };
  }, [settings]);
  return useMemo(() => {
    if (settings === null || (settings.token !== null && up === null)) return "checking";
    if (!up) return null;
    return {
      actions: companionActions(settings, requestSync),
      engagement: companionEngagement(settings),
      openVideo: async (postId: string) => {
        const blob = await fetchMedia(settings, postId);
        const url = URL.createObjectURL(blob);
        // A new tab plays it; a download is the fallback where the browser blocks the tab.
        if (!window.open(url, "_blank"))
          saveFile(blob, `${postId}.${blob.type.includes("image") ? "jpg" : "mp4"}`);
      },
    };
  }, [up, settings]);
};
