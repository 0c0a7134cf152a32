import type { Page } from "puppeteer-core";
import { tagPageUrl } from "../../../shared/hashtag/tag-page-url.ts";
import { at } from "../../../shared/post/coerce.ts";
import { dataScriptsFromHtml, itemsFromHtml } from "../../../shared/post/extract-items.ts";
import { parseFoundItem } from "../../../shared/post/parse-any.ts";
import type { ParseResult } from "../../../shared/post/post.ts";
import { CollectionError } from "../collector.ts";
import type { Politeness } from "../politeness/politeness.ts";
import { RetryableError, retryableStatus, withRetries } from "../politeness/with-retries.ts";
import { type CaptchaSettings, hasCaptcha, waitForCaptchaSolved } from "./captcha-wait.ts";

export interface TagPageContext {
  politeness: Politeness;
  captcha: CaptchaSettings;
  navigationTimeoutMs: number;
  signal?: AbortSignal;
}

/** Loads a page like a person typing its address; 429/5xx and network errors are retried politely. */
export const navigate = (page: Page, url: string, context: TagPageContext): Promise<string> =>
  withRetries(
    async () => {
      let response: Awaited<ReturnType<Page["goto"]>>;
      try {
        response = await page.goto(url, {
          waitUntil: "domcontentloaded",
          timeout: context.navigationTimeoutMs,
        });
      } catch (error) {
        throw new RetryableError("network", (error as Error).message);
      }
      const retryable = response && retryableStatus(response.status(), response.headers()["retry-after"]);
      if (retryable) throw retryable;
      return (await response?.text().catch(() => null)) ?? (await page.content());
    },
    { politeness: context.politeness, label: url, signal: context.signal },
  );

const challengeDetail = (html: string): unknown =>
  at(
    dataScriptsFromHtml(html).__UNIVERSAL_DATA_FOR_REHYDRATION__,
    "__DEFAULT_SCOPE__",
    "webapp.challenge-detail",
  );

/**
 * Opens www.tiktok.com/tag/<name> and returns the posts its rehydration data carries (often none: the page
 * then loads them through item_list, which the caller watches). Unknown hashtags and captchas become
 * CollectionErrors; a headed browser lets the person solve the captcha first.
 */
export const openTagPage = async (
  page: Page,
  hashtag: string,
  context: TagPageContext,
): Promise<ParseResult[]> => {
  const url = tagPageUrl(hashtag);
  let html = await navigate(page, url, context);
  let detail = challengeDetail(html);
  // Only a verify page in place of the tag page counts here: an overlay the page's own item_list calls
  // brought up is reported, in order, by those calls.
  if (detail === undefined && (await hasCaptcha(page))) {
    await waitForCaptchaSolved(page, hashtag, context.captcha);
    html = await navigate(page, url, context);
    detail = challengeDetail(html);
  }
  const statusCode = at(detail, "statusCode");
  if (detail === undefined)
    throw new CollectionError(
      "bad-response",
      `The page of #${hashtag} carried no data TikTok's web app would read`,
    );
  if (statusCode !== 0)
    throw new CollectionError(
      "not-found",
      `TikTok has no hashtag #${hashtag} (statusCode ${String(statusCode)})`,
    );
  const collectedAt = new Date().toISOString();
  return itemsFromHtml(html).map((found) => parseFoundItem(found, url, collectedAt));
};
