import { at, isObject } from "../../../shared/post/coerce.ts";
import { captchaMessage, isCaptchaHtml, isCaptchaJson } from "../captcha.ts";
import { CollectionError } from "../collector.ts";
import { type Politeness, politeDelay } from "../politeness/politeness.ts";
import { sleep } from "../politeness/sleep.ts";
import { RetryableError, type RetryInfo, retryableStatus, withRetries } from "../politeness/with-retries.ts";
import type { ScraperRequest, ScraperRequestOptions } from "./load-tiktok-scraper.ts";

export interface PoliteRequestContext {
  hashtag: string;
  politeness: Politeness;
  signal?: AbortSignal;
  /** True once the consumer has what it wants: the next request is refused so tiktok-scraper stops. */
  stopped: () => boolean;
  /** Called with each item_list body that passed the checks. */
  onItemList?: () => void;
  /** tiktok-scraper swallows errors in its paging loop; the fatal one is handed here instead. */
  onFatal: (error: CollectionError) => void;
  onRetry?: (info: RetryInfo) => void;
}

/** request-promise's errors: StatusCodeError carries the response, RequestError a network cause. */
interface RequestPromiseError {
  name?: string;
  statusCode?: number;
  response?: { headers?: Record<string, string | undefined>; body?: unknown };
  message?: string;
}

const isItemList = (uri: string) => uri.includes("/api/challenge/item_list");
const isTagInfo = (uri: string) => uri.includes("/node/share/tag/");

const describe = (options: ScraperRequestOptions, hashtag: string): string => {
  if (isItemList(options.uri))
    return `item_list page at cursor ${String(options.qs?.cursor ?? 0)} of #${hashtag}`;
  if (isTagInfo(options.uri)) return `hashtag info of #${hashtag}`;
  return options.uri;
};

const classifyFailure = (error: unknown, what: string, hashtag: string): unknown => {
  const failure = error as RequestPromiseError;
  if (failure?.name === "StatusCodeError" && typeof failure.statusCode === "number") {
    if (isCaptchaJson(failure.response?.body) || isCaptchaHtml(String(failure.response?.body ?? "")))
      return new CollectionError("captcha", captchaMessage(hashtag, "scraper"));
    return (
      retryableStatus(failure.statusCode, failure.response?.headers?.["retry-after"]) ??
      new CollectionError("blocked", `${what}: TikTok answered HTTP ${failure.statusCode}`)
    );
  }
  if (failure?.name === "RequestError")
    return new RetryableError("network", failure.message ?? "request failed");
  return error;
};

/** Checks a body that arrived with a 2xx status; throws what it really means. */
const checkBody = (body: unknown, options: ScraperRequestOptions, hashtag: string): void => {
  if (isCaptchaJson(body) || (typeof body === "string" && isCaptchaHtml(body)))
    throw new CollectionError("captcha", captchaMessage(hashtag, "scraper"));
  if (!options.json) return;
  // request-promise hands back the raw text when JSON.parse fails.
  if (!isObject(body)) throw new RetryableError("bad-response", "the response was not valid JSON");
  if (isTagInfo(options.uri) && body.statusCode !== 0)
    throw new CollectionError(
      "not-found",
      `TikTok has no hashtag #${hashtag} (statusCode ${String(body.statusCode)})`,
    );
  const items = at(body, "itemList");
  if (isItemList(options.uri) && Array.isArray(items) && items.length === 0 && body.hasMore === true)
    throw new RetryableError("bad-response", "an empty page that claims more posts follow");
};

/**
 * Wraps tiktok-scraper's own request method with what it lacks: a randomised pause before each call, retries
 * with backoff on 429/5xx/garbled pages (Retry-After respected), and real errors for captchas and unknown
 * hashtags, which tiktok-scraper would otherwise end in silence.
 */
export const politeRequest =
  (original: ScraperRequest, context: PoliteRequestContext): ScraperRequest =>
  async (options, bodyOnly) => {
    const what = describe(options, context.hashtag);
    try {
      if (context.stopped()) throw new Error("collection finished");
      await sleep(politeDelay(context.politeness), context.signal);
      const body = await withRetries(
        async () => {
          let response: unknown;
          try {
            response = await original(options, bodyOnly);
          } catch (error) {
            throw classifyFailure(error, what, context.hashtag);
          }
          checkBody(response, options, context.hashtag);
          return response;
        },
        { politeness: context.politeness, label: what, signal: context.signal, onRetry: context.onRetry },
      );
      if (isItemList(options.uri)) context.onItemList?.();
      return body;
    } catch (error) {
      if (error instanceof CollectionError) context.onFatal(error);
      throw error;
    }
  };
