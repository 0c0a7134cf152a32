import { z } from "zod";
import { CaptureRequest } from "../messages/extension-messages.ts";
import { CAPTURE_WINDOW_MESSAGE } from "./capture-constants.ts";

/**
 * The page-world script hands JSON text to the content script with window.postMessage. Anything on the page can
 * post such a message, so the content script takes only this fixed type, from this very window and origin, in
 * this shape; the background parses the text with the shared parsers before anything is stored.
 */
export const CaptureWindowMessage = CaptureRequest.omit({ type: true }).extend({
  type: z.literal(CAPTURE_WINDOW_MESSAGE),
});
export type CaptureWindowMessage = z.infer<typeof CaptureWindowMessage>;

/** The capture request a window message carries, or null when it is not ours (or not from this page). */
export const readCaptureWindowMessage = (
  event: Pick<MessageEvent, "source" | "origin" | "data">,
  self: { location: { origin: string } },
): CaptureRequest | null => {
  if (event.source !== self || event.origin !== self.location.origin) return null;
  const message = CaptureWindowMessage.safeParse(event.data);
  if (!message.success) return null;
  return { type: "capture", source: message.data.source, text: message.data.text };
};
