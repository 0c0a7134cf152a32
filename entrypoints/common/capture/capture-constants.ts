/**
 * Constants the page-world script shares with the extension. Kept free of imports (no zod) because the page-world
 * script loads on every TikTok page at document start and should stay small.
 */

/** The type of the window messages that carry captured JSON from the page world to the content script. */
export const CAPTURE_WINDOW_MESSAGE = "tiktok-hashtag-analysis/captured-json";

/** Where captured JSON text came from: an API response, or one of the data scripts a page embeds. */
export const CAPTURE_SOURCES = [
  "response",
  "__UNIVERSAL_DATA_FOR_REHYDRATION__",
  "SIGI_STATE",
  "__NEXT_DATA__",
] as const;
export type CaptureSource = (typeof CAPTURE_SOURCES)[number];

/** Larger JSON is not captured (TikTok's item lists are ~150 KB; rehydration data a few MB at most). */
export const MAX_CAPTURE_TEXT = 32 * 1024 * 1024;
