import type { Response } from "express";
import { withOddItems } from "../pages/odd-items.ts";
import type { Fault } from "../types.ts";

/** Faults only the sender of a body can apply; the fault middleware leaves them here. */
export const deferFault = (response: Response, fault: Fault): void => {
  response.locals.fault = fault;
};

const deferredFault = (response: Response): Fault | undefined => response.locals.fault as Fault | undefined;

/**
 * Sends a whole body with its Content-Length, unless a deferred fault says otherwise: malformed-json sends
 * the first half only; cut-video sends the headers and the first bytes, then destroys the socket.
 */
export const sendBody = (
  response: Response,
  status: number,
  contentType: string,
  body: Buffer | string,
): void => {
  const fault = deferredFault(response);
  let bytes = typeof body === "string" ? Buffer.from(body, "utf8") : body;
  if (fault?.kind === "malformed-json") bytes = bytes.subarray(0, Math.floor(bytes.length / 2));
  response.status(status).set({ "Content-Type": contentType, "Content-Length": String(bytes.length) });
  if (fault?.kind === "cut-video" && fault.afterBytes < bytes.length) {
    response.write(bytes.subarray(0, fault.afterBytes), () => response.socket?.destroy());
    return;
  }
  response.end(bytes);
};

export const sendJson = (response: Response, value: unknown, status = 200): void => {
  const text = JSON.stringify(value);
  const body = deferredFault(response)?.kind === "odd-items" ? withOddItems(text) : text;
  sendBody(response, status, "application/json; charset=utf-8", body);
};

export const sendHtml = (response: Response, html: string, status = 200): void =>
  sendBody(response, status, "text/html; charset=utf-8", html);

export const sendText = (response: Response, status: number, text: string): void =>
  sendBody(response, status, "text/plain; charset=utf-8", text);
