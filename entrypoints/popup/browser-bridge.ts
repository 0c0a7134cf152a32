import browser from "webextension-polyfill";
import { JOBS_PORT, JobsPush } from "../common/messages/extension-messages.ts";
import { sendExtensionMessage } from "../common/messages/send-message.ts";
import type { PopupBridge } from "./popup-app.tsx";

/**
 * The popup's bridge to the background worker and the active tab. `?tab=<url>` stands in for the active tab when
 * the popup is opened as a page (the end-to-end test does, as a tab has no popup of its own).
 */
/** The tab the popup is about: the active one, or the open tab at the `?tab=` address. */
const tabId = async (): Promise<number | null> => {
  const override = new URLSearchParams(location.search).get("tab");
  const tabs =
    override === null
      ? await browser.tabs.query({ active: true, currentWindow: true })
      : (await browser.tabs.query({})).filter((tab) => tab.url === override);
  return tabs[0]?.id ?? null;
};

export const browserBridge = (): PopupBridge => ({
  status: () => sendExtensionMessage({ type: "status" }),
  act: (request) => sendExtensionMessage(request),
  activeTabUrl: async () => {
    const override = new URLSearchParams(location.search).get("tab");
    if (override !== null) return override;
    const [tab] = await browser.tabs.query({ active: true, currentWindow: true });
    return tab?.url ?? null;
  },
  watchJobs: (onJobs) => {
    const port = browser.runtime.connect({ name: JOBS_PORT });
    port.onMessage.addListener((message: unknown) => {
      const push = JobsPush.safeParse(message);
      if (push.success) onJobs(push.data.jobs);
    });
    return () => port.disconnect();
  },
  dashboardUrl: browser.runtime.getURL("/options.html"),
  capture: {
    status: async () => sendExtensionMessage({ type: "capture-status", tabId: await tabId() }),
    setPaused: (paused) => sendExtensionMessage({ type: "set-capture-paused", paused }),
  },
});
