import browser from "webextension-polyfill";
import { companionApi } from "../companion/companion-api.ts";
import { onConnectionSettingsChanged, readConnectionSettings } from "../companion/connection-settings.ts";
import { ExtensionRequest, JOBS_PORT, type JobView } from "../messages/extension-messages.ts";
import { openMirrorDb } from "../mirror/mirror-db.ts";
import { handleRequest } from "./handle-request.ts";
import { createJobRelay } from "./job-relay.ts";
import { createMirrorSync } from "./mirror-sync.ts";

const SYNC_ALARM = "sync-mirror";
const SYNC_EVERY_MINUTES = 5;

/** The background worker: mirrors the companion on a schedule and on demand, relays job events to popups. */
export const startBackground = (): void => {
  const db = openMirrorDb();
  const access = {
    readSettings: readConnectionSettings,
    makeApi: (settings: Parameters<typeof companionApi>[0]) => companionApi(settings),
  };
  const sync = createMirrorSync(db, access);
  const syncQuietly = () => void sync().catch(() => undefined);
  const ports = new Set<browser.Runtime.Port>();
  const push = (jobs: JobView[]) => {
    for (const port of ports) port.postMessage({ type: "jobs", jobs });
  };
  const relay = createJobRelay(access, { onChange: push, onFinished: syncQuietly });
  const services = { ...access, db, sync, relay };

  browser.runtime.onMessage.addListener((message: unknown) => {
    const request = ExtensionRequest.safeParse(message);
    // Not ours (or malformed): let other listeners answer.
    if (!request.success) return undefined;
    return handleRequest(services, request.data);
  });

  // A popup open means someone watches the jobs: follow the event stream only then (and keep the worker alive).
  browser.runtime.onConnect.addListener((port) => {
    if (port.name !== JOBS_PORT) return;
    ports.add(port);
    port.postMessage({ type: "jobs", jobs: relay.views() });
    relay.start();
    port.onDisconnect.addListener(() => {
      ports.delete(port);
      if (ports.size === 0) relay.stop();
    });
  });

  // The worker starts again after every idle stop; creating the alarm anew each time would keep postponing it.
  void browser.alarms.get(SYNC_ALARM).then((alarm) => {
    if (alarm === undefined) void browser.alarms.create(SYNC_ALARM, { periodInMinutes: SYNC_EVERY_MINUTES });
  });
  browser.alarms.onAlarm.addListener((alarm) => {
    if (alarm.name === SYNC_ALARM) syncQuietly();
  });
  // Pairing stores a token: mirror at once rather than at the next alarm.
  onConnectionSettingsChanged(syncQuietly);
  syncQuietly();
};
