import ms from "ms";
import type { Page } from "puppeteer-core";
import { CAPTCHA_SELECTOR, captchaMessage } from "../captcha.ts";
import { CollectionError } from "../collector.ts";

export interface CaptchaSettings {
  headed: boolean;
  /** How long a person gets to solve it in a headed browser. */
  timeoutMs: number;
  /** Tells the person at the terminal what to do. */
  onNotice?: (message: string) => void;
}

export const hasCaptcha = async (page: Page): Promise<boolean> => (await page.$(CAPTCHA_SELECTOR)) !== null;

/**
 * Headless, a captcha ends the run with a clear error. Headed, the person at the window gets to solve it;
 * TikTok removes the puzzle once solved, which is what this waits for.
 */
export const waitForCaptchaSolved = async (
  page: Page,
  hashtag: string,
  settings: CaptchaSettings,
): Promise<void> => {
  if (!settings.headed) throw new CollectionError("captcha", captchaMessage(hashtag, "browser"));
  const wait = ms(settings.timeoutMs, { long: true });
  settings.onNotice?.(
    `TikTok shows a captcha for #${hashtag}: solve it in the browser window (waiting up to ${wait})`,
  );
  try {
    await page.waitForFunction(
      (selector) => !document.querySelector(selector),
      { timeout: settings.timeoutMs, polling: 500 },
      CAPTCHA_SELECTOR,
    );
  } catch {
    throw new CollectionError(
      "captcha",
      `The captcha for #${hashtag} was not solved within ${wait}; everything collected before it is kept`,
    );
  }
};
