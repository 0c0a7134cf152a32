import { asObject, isObject } from "../../shared/post/coerce.ts";

/**
 * Signs of TikTok's "verify" challenge. On pages it is a captcha container (ids and classes such as
 * captcha-verify-container, captcha_verify_container, secsdk-captcha-wrapper); on API calls a JSON body of
 * type "verify" (e.g. {"code":"10000","type":"verify","subtype":"slide",...}) instead of the data.
 */
export const CAPTCHA_SELECTOR = [
  '[id*="captcha-verify"]',
  '[id*="captcha_verify"]',
  '[class*="captcha-verify"]',
  '[class*="captcha_verify"]',
  '[class*="secsdk-captcha"]',
  "#captcha_container",
].join(", ");

// Markup attributes only: the pages' own scripts mention these names too.
const HTML_MARKER = /\b(?:id|class)=["'][^"']*(?:captcha[-_]verify|secsdk-captcha|captcha_container)/iu;

/** For HTML fetched without a browser; in a browser, look for CAPTCHA_SELECTOR in the DOM instead. */
export const isCaptchaHtml = (html: string): boolean => HTML_MARKER.test(html);

/** TikTok also announces the decision in a response header on API calls. */
export const CAPTCHA_HEADER = "bdturing-verify";

export const isCaptchaJson = (body: unknown): boolean => {
  if (!isObject(body)) return false;
  const type = typeof body.type === "string" ? body.type.toLowerCase() : "";
  return type === "verify" || "verify_event" in body || isObject(asObject(body).verifyConfig);
};

/** One line: what happened, that nothing is lost, and what to do. */
export const captchaMessage = (hashtag: string, source: "browser" | "scraper"): string =>
  `TikTok showed a captcha ("verify") while collecting #${hashtag}; everything collected before it is kept. ` +
  (source === "browser"
    ? "Run again with --headed to solve it in the browser window"
    : "Run again later, or with --source browser --headed to solve it in a browser window");
