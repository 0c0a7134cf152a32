import type { HTTPRequest, HTTPResponse, Page } from "puppeteer-core";
import { parseJson } from "../../../shared/json/parse-json.ts";
import { isObject, type Json } from "../../../shared/post/coerce.ts";
import { CAPTCHA_HEADER, isCaptchaJson } from "../captcha.ts";
import { EventQueue } from "../event-queue.ts";
import { RetryableError, retryableStatus } from "../politeness/with-retries.ts";

/** What one of the page's own item_list calls told us. */
export type ItemListEvent =
  | { kind: "page"; url: string; body: Json }
  | { kind: "retry"; error: RetryableError }
  | { kind: "captcha" };

export const isItemListUrl = (url: string): boolean => {
  try {
    return new URL(url).pathname.startsWith("/api/challenge/item_list");
  } catch {
    return false;
  }
};

const cursorOf = (url: string) => new URL(url).searchParams.get("cursor") ?? "0";

/** Reads an item_list response the page received, without changing what the page itself sees. */
export const readItemListResponse = async (response: HTTPResponse): Promise<ItemListEvent> => {
  const url = response.url();
  const what = `item_list page at cursor ${cursorOf(url)}`;
  const headers = response.headers();
  if (headers[CAPTCHA_HEADER] !== undefined) return { kind: "captcha" };
  const retryable = retryableStatus(response.status(), headers["retry-after"]);
  if (retryable)
    return {
      kind: "retry",
      error: new RetryableError(retryable.kind, `${what} ${retryable.message}`, retryable.retryAfterMs),
    };
  let body: unknown;
  try {
    // parseJson: a bare-number id in a response must not be rounded into another post's id.
    body = parseJson(await response.text());
  } catch {
    return {
      kind: "retry",
      error: new RetryableError("bad-response", `${what}: the response was not valid JSON`),
    };
  }
  if (isCaptchaJson(body)) return { kind: "captcha" };
  if (!isObject(body) || (body.statusCode !== undefined && body.statusCode !== 0))
    return {
      kind: "retry",
      error: new RetryableError(
        "bad-response",
        `${what}: unexpected answer (statusCode ${statusCodeOf(body)})`,
      ),
    };
  return { kind: "page", url, body };
};

const statusCodeOf = (body: unknown): string => String(isObject(body) ? body.statusCode : undefined);

export interface ItemListWatch {
  events: EventQueue<ItemListEvent>;
  /** item_list requests sent and not yet answered: while there are some, a quiet page is only slow. */
  inFlight(): number;
  detach(): void;
}

/** Listens to the page's own /api/challenge/item_list/ traffic. */
export const watchItemList = (page: Page): ItemListWatch => {
  const events = new EventQueue<ItemListEvent>();
  const pending = new Set<HTTPRequest>();
  const onRequest = (request: HTTPRequest) => {
    if (isItemListUrl(request.url())) pending.add(request);
  };
  // Bodies are read one after another so events keep the order the responses came in.
  let reading = Promise.resolve();
  const onResponse = (response: HTTPResponse) => {
    if (!isItemListUrl(response.url())) return;
    reading = reading
      .then(() => readItemListResponse(response))
      .then((event) => events.push(event))
      .finally(() => pending.delete(response.request()));
  };
  const onFailed = (request: HTTPRequest) => {
    if (!pending.delete(request)) return;
    const reason = request.failure()?.errorText ?? "request failed";
    events.push({
      kind: "retry",
      error: new RetryableError("network", `item_list request failed: ${reason}`),
    });
  };
  page.on("request", onRequest);
  page.on("response", onResponse);
  page.on("requestfailed", onFailed);
  return {
    events,
    inFlight: () => pending.size,
    detach: () => {
      page.off("request", onRequest);
      page.off("response", onResponse);
      page.off("requestfailed", onFailed);
      events.close();
    },
  };
};
