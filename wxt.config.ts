import preact from "@preact/preset-vite";
import { defineConfig } from "wxt";
import { CHROME_EXTENSION_KEY } from "./shared/api/extension-identity.ts";

/** Firefox's fixed add-on id: the companion allows moz-extension:// origins and relies on the token there. */
const GECKO_ID = "tiktok-hashtag-analysis@localhost";

export default defineConfig({
  manifestVersion: 3,
  // A test may build into its own folder, so builds running beside it cannot swap files under its browser.
  ...(process.env.EXTENSION_OUT_DIR ? { outDir: process.env.EXTENSION_OUT_DIR } : {}),
  manifest: ({ browser }) => ({
    name: "TikTok Hashtag Analysis",
    description:
      "Collect TikTok posts by hashtag into a local database and study which hashtags travel together.",
    // storage: the token and settings; alarms: the mirror's schedule; tabs: the popup reads the active tab's URL.
    permissions: ["storage", "alarms", "tabs"],
    host_permissions: ["https://www.tiktok.com/*", "http://127.0.0.1/*"],
    // The key fixes the Chrome id, so the companion's CORS rule and its pairing link name exactly this build.
    ...(browser === "firefox"
      ? {
          browser_specific_settings: {
            gecko: {
              id: GECKO_ID,
              // 128 runs content scripts in the page's world (passive capture); 140 (the ESR) reads
              // data_collection_permissions, which addons.mozilla.org requires of new add-ons.
              strict_min_version: "140.0",
              // Nothing goes to the developer or anyone else: posts go only to the user's own local companion.
              data_collection_permissions: { required: ["none"] },
            },
            // Firefox for Android reads data_collection_permissions from 142 on.
            gecko_android: { strict_min_version: "142.0" },
          },
        }
      : { key: CHROME_EXTENSION_KEY }),
  }),
  // Firefox's review wants the sources; test artefacts and collected data are not part of them.
  zip: { excludeSources: ["data/**", "test/extension/artifacts/**", "coverage/**"] },
  vite: () => ({
    plugins: [preact()],
    // shared/export's CSV writer uses csv-stringify; its default build needs Node's Buffer, its browser build
    // carries its own.
    resolve: { alias: { "csv-stringify/sync": "csv-stringify/browser/esm/sync" } },
  }),
});
