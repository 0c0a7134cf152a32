import preact from "@preact/preset-vite";
import { defineConfig } from "wxt";

export default defineConfig({
  manifestVersion: 3,
  manifest: {
    name: "TikTok Hashtag Analysis",
    description:
      "Collect TikTok posts by hashtag into a local database and study which hashtags travel together.",
    permissions: ["storage", "tabs"],
    host_permissions: ["https://www.tiktok.com/*", "http://127.0.0.1/*"],
  },
  vite: () => ({
    plugins: [preact()],
    // shared/export's CSV writer uses csv-stringify; its default build needs Node's Buffer, its browser build
    // carries its own.
    resolve: { alias: { "csv-stringify/sync": "csv-stringify/browser/esm/sync" } },
  }),
});
