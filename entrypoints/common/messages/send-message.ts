import browser from "webextension-polyfill";
import type { ExtensionRequest, ReplyTo } from "./extension-messages.ts";

/** Sends a typed request to the background worker and returns its typed reply. */
export const sendExtensionMessage = <R extends ExtensionRequest>(request: R): Promise<ReplyTo<R>> =>
  browser.runtime.sendMessage(request) as Promise<ReplyTo<R>>;
