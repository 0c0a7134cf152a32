import browser from "webextension-polyfill";
import { createCaptureFlusher } from "../capture/capture-flusher.ts";
import { createCaptureService } from "../capture/capture-service.ts";
import { readCapturePaused, writeCapturePaused } from "../capture/capture-settings.ts";
import { createTabCounts } from "../capture/tab-counts.ts";
import { companionApi } from "../companion/companion-api.ts";
import { onConnectionSettingsChanged, readConnectionSettings } from "../companion/connection-settings.ts";
import { CaptureRequest, ExtensionRequest, JOBS_PORT, type JobView } from "../messages/extension-messages.ts";
import { openMirrorDb } from "../mirror/mirror-db.ts";
import { handleRequest } from "./handle-request.ts";
import { createJobRelay } from "./job-relay.ts";
import { createMirrorSync } from "./mirror-sync.ts";

const SYNC_ALARM = "sync-mirror";
const SYNC_EVERY_MINUTES = 5;
/** Backstop for captures still queued after the worker was stopped and started again. */
const CAPTURE_FLUSH_ALARM = "flush-captures";
const CAPTURE_FLUSH_EVERY_MINUTES = 1;

/** Session storage holds per-tab capture counts (gone with the browser session, as tab ids are). */
const sessionStore = {
  get: async (key: string) => (await browser.storage.session.get(key))[key],
  set: (key: string, value: unknown) => browser.storage.session.set({ [key]: value }),
  remove: (key: string) => browser.storage.session.remove(key),
};

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
  const flusher = createCaptureFlusher(db, access);
  const capture = createCaptureService({
    db,
    flusher,
    tabCounts: createTabCounts(sessionStore),
    readPaused: readCapturePaused,
    writePaused: writeCapturePaused,
  });
  const services = { ...access, db, sync, relay, capture };

  browser.runtime.onMessage.addListener((message: unknown, sender: browser.Runtime.MessageSender) => {
    // Captured items come only from our content script in a tab; the tab's address (told by the browser, not the
    // page) says where they belong.
    const captured = CaptureRequest.safeParse(message);
    if (captured.success) {
      const tabId = sender.tab?.id;
      if (sender.id !== browser.runtime.id || tabId === undefined) return undefined;
      return capture.receive(captured.data, { tabId, url: sender.url ?? sender.tab?.url });
    }
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
  void browser.alarms.get(CAPTURE_FLUSH_ALARM).then((alarm) => {
    if (alarm === undefined)
      void browser.alarms.create(CAPTURE_FLUSH_ALARM, { periodInMinutes: CAPTURE_FLUSH_EVERY_MINUTES });
  });
  browser.alarms.onAlarm.addListener((alarm) => {
    if (alarm.name === SYNC_ALARM) syncQuietly();
    if (alarm.name === CAPTURE_FLUSH_ALARM) flusher.request();
  });
  browser.tabs.onRemoved.addListener((tabId) => void capture.forgetTab(tabId).catch(() => undefined));
  // Pairing stores a token: mirror at once rather than at the next alarm, and send what capture queued.
  onConnectionSettingsChanged(() => {
    syncQuietly();
    flusher.request();
  });
  syncQuietly();
  flusher.request();
};
