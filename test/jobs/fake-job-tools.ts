import { BrowserCollector } from "../../companion/collectors/browser/browser-collector.ts";
import { type Politeness, withPoliteness } from "../../companion/collectors/politeness/politeness.ts";
import type { JobTools } from "../../companion/jobs/job-runner.ts";
import { createDispatcher } from "../../companion/video/dispatcher.ts";
import { FAST } from "../collectors/collect-all.ts";
import type { FakeTikTok } from "../fake-tiktok/index.ts";

/**
 * What the job engine collects with when TikTok is test/fake-tiktok: a real Chromium pointed at the fake, media
 * through its proxy. For tests (and e2e harnesses) that run a companion's job engine against the fake; close
 * `dispatcher` when done.
 */
export const fakeJobTools = (fake: FakeTikTok, politeness: Partial<Politeness> = FAST): JobTools => ({
  dispatcher: createDispatcher({ proxy: fake.proxyUrl, ca: fake.caCertificate }),
  politeness: withPoliteness(politeness),
  concurrency: 2,
  openCollector: (_source, hooks) =>
    new BrowserCollector({
      extraArgs: fake.chromiumArgs,
      politeness,
      settleMs: 300,
      onRetry: hooks.onRetry,
      onNotice: hooks.onNotice,
    }),
});
