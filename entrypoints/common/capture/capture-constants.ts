/**
 * Constants the page-world script shares with the extension. Kept free of imports (no zod) because the page-world
 * script loads on every TikTok page at document start and should stay small.
 */

/** The type of the window messages that carry captured items from the page world to the content script. */
export const CAPTURE_WINDOW_MESSAGE = "tiktok-hashtag-analysis/captured-items";

/** At most this many items per capture message; longer lists are split. */
export const MAX_CAPTURED_ITEMS = 500;
