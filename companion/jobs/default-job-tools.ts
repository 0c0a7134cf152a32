import { createCollector } from "../collectors/create-collector.ts";
import { delayAround, withPoliteness } from "../collectors/politeness/politeness.ts";
import { createDispatcher } from "../video/dispatcher.ts";
import type { JobTools } from "./job-runner.ts";

/** The CLI's defaults (`download --delay 2s --concurrency 2`), so the API is exactly as polite as the terminal. */
export const CLI_DELAY_MS = 2000;
export const CLI_CONCURRENCY = 2;

/** Real TikTok through a headless Chromium (or tiktok-scraper), as `download` does without options. */
export const defaultJobTools = (
  options: { browserPath?: string | null; proxy?: string | null } = {},
): JobTools => {
  const politeness = withPoliteness({ delayMs: delayAround(CLI_DELAY_MS) });
  const dispatcher = createDispatcher({ proxy: options.proxy ?? null });
  return {
    politeness,
    dispatcher,
    concurrency: CLI_CONCURRENCY,
    openCollector: (source, hooks) =>
      createCollector({
        source,
        proxy: options.proxy ?? null,
        politeness,
        browserPath: options.browserPath ?? null,
        dispatcher,
        onRetry: hooks.onRetry,
        onNotice: hooks.onNotice,
      }),
  };
};
