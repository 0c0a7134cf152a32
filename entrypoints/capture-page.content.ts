import { startPageCapture } from "./common/capture/page-capture.ts";

/**
 * Passive capture, in the page's own world so it can see TikTok's fetch and XMLHttpRequest. It has no extension
 * APIs: it hands the raw items it finds to content.ts with window.postMessage.
 */
export default defineContentScript({
  matches: ["https://www.tiktok.com/*"],
  world: "MAIN",
  runAt: "document_start",
  main() {
    try {
      startPageCapture(window);
    } catch {
      // Capture must never break the page.
    }
  },
});
