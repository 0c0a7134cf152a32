import type { Page } from "puppeteer-core";
import { parseDocument } from "../../../shared/post/parse-any.ts";
import type { Post } from "../../../shared/post/post.ts";
import { type Politeness, politeDelay } from "../politeness/politeness.ts";
import { sleep } from "../politeness/sleep.ts";
import { giveUp, type RetryInfo, retryDelay } from "../politeness/with-retries.ts";
import type { RunFilter } from "../run-filter.ts";
import { type CaptchaSettings, waitForCaptchaSolved } from "./captcha-wait.ts";
import { humanScroll } from "./human-scroll.ts";
import type { ItemListEvent, ItemListWatch } from "./item-list-events.ts";

export interface ScrollContext {
  hashtag: string;
  politeness: Politeness;
  captcha: CaptchaSettings;
  /** Quiet scrolls or pages without a new post in a row before the tag counts as exhausted. */
  maxIdleScrolls: number;
  /** How long a scroll gets to make the page ask for more. */
  settleMs: number;
  /** How long an item_list request may take before it counts as failed. */
  responseTimeoutMs: number;
  onRetry?: (info: RetryInfo) => void;
  signal?: AbortSignal;
}

/** The next thing the page's item_list traffic tells, or null when the page stays quiet. */
const nextEvent = async (watch: ItemListWatch, context: ScrollContext): Promise<ItemListEvent | null> => {
  let taken = await watch.events.take(context.settleMs);
  // A request on its way is a slow page, not the end of the tag.
  if (taken.kind === "timeout" && watch.inFlight() > 0)
    taken = await watch.events.take(context.responseTimeoutMs);
  return taken.kind === "value" ? taken.value : null;
};

/**
 * Scrolls an open tag page the way a reader does and yields the posts of every item_list page the page loads,
 * until the limit, the end of the tag (hasMore false) or too many scrolls without a new post. Failed pages are
 * waited out (Retry-After, backoff) and the page is scrolled again, which is what makes it retry.
 */
export async function* scrollForPosts(
  page: Page,
  watch: ItemListWatch,
  filter: RunFilter,
  context: ScrollContext,
): AsyncGenerator<Post> {
  const { politeness, signal } = context;
  const scroll = () => humanScroll(page, politeness.random, signal);
  let idle = 0;
  let failures = 0;
  while (!filter.full) {
    signal?.throwIfAborted();
    const event = await nextEvent(watch, context);
    signal?.throwIfAborted();
    if (event === null) {
      idle += 1;
      if (idle > context.maxIdleScrolls) return;
      await sleep(politeDelay(politeness), signal);
      await scroll();
    } else if (event.kind === "captcha") {
      await waitForCaptchaSolved(page, context.hashtag, context.captcha);
      await scroll();
    } else if (event.kind === "retry") {
      failures += 1;
      const { error } = event;
      const final = giveUp(error, failures, politeness, `#${context.hashtag}`);
      if (final) throw final;
      const waitMs = retryDelay(failures, error, politeness);
      context.onRetry?.({ attempt: failures, waitMs, reason: error.message });
      await sleep(waitMs, signal);
      await scroll();
    } else {
      filter.pageRead();
      const posts = filter.accept(parseDocument(event.body, event.url));
      yield* posts;
      if (event.body.hasMore === false) return;
      failures = 0;
      // An empty page, or one of posts already seen, is no progress: the page retries or waits for a scroll.
      idle = posts.length > 0 ? 0 : idle + 1;
      if (idle > context.maxIdleScrolls) return;
    }
  }
}
