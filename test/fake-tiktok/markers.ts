/**
 * What clients can recognise the fake's pages and failures by. They are modelled on TikTok's own markup and
 * status codes, so detection written against these constants is detection of the real site.
 */

/** TikTok's slider captcha ("verify") as a page, as the in-page overlay, and as an API answer. */
export const CAPTCHA = {
  /** Title of the full-page verify screen. */
  pageTitle: "Security Check",
  /** The modal around the puzzle (class). */
  containerSelector: ".captcha-verify-container",
  /** The puzzle itself: any element id containing "captcha-verify" means a captcha. */
  mainPageId: "captcha-verify-container-main-page",
  slideButtonId: "captcha_slide_button",
  /** API responses carry the verify decision in this header and as the JSON body. */
  apiHeader: "bdturing-verify",
  apiType: "verify",
  apiCode: "10000",
} as const;

/** statusCode values in TikTok's JSON (API responses and rehydration data). */
export const STATUS_CODE = {
  ok: 0,
  challengeNotFound: 10205,
  itemNotFound: 10204,
} as const;

/** The tag page's markup (data-e2e attributes as on tiktok.com). */
export const TAG_PAGE = {
  listSelector: '[data-e2e="challenge-item-list"]',
  tileSelector: '[data-e2e="challenge-item"]',
  /** Says "loading", an error, or, with data-state="end", that every post is on the page. */
  statusSelector: '[data-e2e="challenge-list-status"]',
  endSelector: '[data-e2e="challenge-list-status"][data-state="end"]',
  errorSelector: '[data-e2e="challenge-list-status"][data-state="error"]',
  notFoundSelector: '[data-e2e="challenge-not-found"]',
  /** How many items the page's script asks item_list for, as the web app does. */
  requestCount: 30,
} as const;

/** The cookie the video CDN insists on, set by page visits. */
export const CHAIN_TOKEN_COOKIE = "tt_chain_token";

/** Items per item_list page the API never exceeds, whatever count asks for. */
export const MAX_PAGE_SIZE = 35;
