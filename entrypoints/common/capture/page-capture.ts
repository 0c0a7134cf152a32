import {
  CAPTURE_SOURCES,
  CAPTURE_WINDOW_MESSAGE,
  type CaptureSource,
  MAX_CAPTURE_TEXT,
} from "./capture-constants.ts";
import { wrapFetch, wrapXhr } from "./page-hooks.ts";

/**
 * Keys only a response carrying posts has (item lists, search entries). A substring test, so the page's thread
 * never parses a response for capture; the background parses what passes.
 */
const POST_KEYS = /"(?:itemList|items|item_list|item)"\s*:/u;

export const mayHoldPosts = (text: string): boolean => POST_KEYS.test(text);

/**
 * The page-world side of passive capture: hooks fetch and XHR, reads the data the page embeds, and posts the JSON
 * text that may carry posts to the content script. Posting a string costs the page a copy; parsing and cloning a
 * parsed response here cost ~10x the page's own JSON.parse (test/bench/capture-bench.ts), so that is left to the
 * background worker.
 */
export const startPageCapture = (scope: Window & typeof globalThis): void => {
  const post = (source: CaptureSource, text: string) => {
    if (text.length > MAX_CAPTURE_TEXT) return;
    scope.postMessage({ type: CAPTURE_WINDOW_MESSAGE, source, text }, scope.location.origin);
  };
  const onBody = (_url: string, body: string | object) => {
    try {
      // An XHR with responseType "json" hands over the page's parsed object: the text is gone, write it again.
      const text = typeof body === "string" ? body : JSON.stringify(body);
      if (mayHoldPosts(text)) post("response", text);
    } catch {
      // Never disturb the page.
    }
  };
  wrapFetch(scope, onBody);
  wrapXhr(scope, onBody);

  const readPageData = () => {
    for (const source of CAPTURE_SOURCES) {
      if (source === "response") continue;
      try {
        const text = scope.document.getElementById(source)?.textContent;
        if (text) post(source, text);
      } catch {
        // Never disturb the page.
      }
    }
  };
  if (scope.document.readyState === "loading")
    scope.document.addEventListener("DOMContentLoaded", readPageData, { once: true });
  else readPageData();
};
