import { parseJson } from "../../../shared/json/parse-json.ts";
import { type DataScripts, SCRIPT_IDS } from "../../../shared/post/extract-items.ts";
import { captureMessages, itemsInPageData, itemsInResponse } from "./find-page-items.ts";
import { wrapFetch, wrapXhr } from "./page-hooks.ts";

/**
 * The page-world side of passive capture: hooks fetch and XHR, reads the data the page embeds, and posts the raw
 * items it finds to the content script. Parsing runs in a later task, off the page's own promise chain; ids are
 * read losslessly (parseJson), as 19-digit numbers do not survive JSON.parse.
 */
export const startPageCapture = (scope: Window & typeof globalThis): void => {
  const post = (found: ReturnType<typeof itemsInResponse>) => {
    for (const message of captureMessages(found)) scope.postMessage(message, scope.location.origin);
  };
  const onBody = (_url: string, body: string | object) => {
    scope.setTimeout(() => {
      try {
        post(itemsInResponse(typeof body === "string" ? parseJson(body) : body));
      } catch {
        // Malformed JSON or an odd shape: nothing to capture; the page handles its response itself.
      }
    }, 0);
  };
  wrapFetch(scope, onBody);
  wrapXhr(scope, onBody);

  const readPageData = () => {
    try {
      const scripts: DataScripts = {};
      for (const id of SCRIPT_IDS) {
        const text = scope.document.getElementById(id)?.textContent;
        if (!text) continue;
        try {
          scripts[id] = parseJson(text);
        } catch {
          // A broken data script is skipped; the others may still carry posts.
        }
      }
      post(itemsInPageData(scripts));
    } catch {
      // Never disturb the page.
    }
  };
  if (scope.document.readyState === "loading")
    scope.document.addEventListener("DOMContentLoaded", readPageData, { once: true });
  else readPageData();
};
