import browser from "webextension-polyfill";
import { readCaptureWindowMessage } from "./common/capture/window-message.ts";

/**
 * Passive capture's bridge: takes the items capture-page.content.ts posts from the page world (checked for source,
 * type and shape) and forwards them to the background worker, which parses and stores them.
 */
export default defineContentScript({
  matches: ["https://www.tiktok.com/*"],
  // As early as the page-world script, so the page's first responses are not posted before anyone listens.
  runAt: "document_start",
  main() {
    window.addEventListener("message", (event) => {
      const request = readCaptureWindowMessage(event, window);
      if (request === null) return;
      // The worker may be restarting or the extension reloaded: a lost message costs only these items.
      browser.runtime.sendMessage(request).catch(() => undefined);
    });
  },
});
