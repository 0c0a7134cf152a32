import { describe, expect, it } from "vitest";
import { CAPTCHA } from "../../test/fake-tiktok/index.ts";
import { CAPTCHA_HEADER, captchaMessage, isCaptchaHtml, isCaptchaJson } from "./captcha.ts";

describe("captcha detection", () => {
  it("recognises TikTok's verify answer on API calls", () => {
    expect(
      isCaptchaJson({ code: CAPTCHA.apiCode, type: CAPTCHA.apiType, subtype: "slide", verify_event: "" }),
    ).toBe(true);
    expect(CAPTCHA_HEADER).toBe(CAPTCHA.apiHeader);
  });

  it("does not mistake data for a captcha", () => {
    expect(isCaptchaJson({ statusCode: 0, itemList: [], hasMore: false })).toBe(false);
    expect(isCaptchaJson("verify")).toBe(false);
  });

  it("recognises the verify page by its markup, not by scripts that mention it", () => {
    const container = CAPTCHA.containerSelector.slice(1);
    expect(
      isCaptchaHtml(`<div class="TUXModal ${container}"><div id="${CAPTCHA.mainPageId}"></div></div>`),
    ).toBe(true);
    expect(isCaptchaHtml(`<div id="${CAPTCHA.mainPageId}" role="main"></div>`)).toBe(true);
    // TikTok's pages build the captcha overlay with script, so their script text names the classes too.
    expect(isCaptchaHtml(`<script>modal.className = "TUXModal ${container}";</script>`)).toBe(false);
  });

  it("tells what to do, per source", () => {
    expect(captchaMessage("travel", "browser")).toBe(
      'TikTok showed a captcha ("verify") while collecting #travel; everything collected before it is kept. ' +
        "Run again with --headed to solve it in the browser window",
    );
    expect(captchaMessage("travel", "scraper")).toContain("--source browser --headed");
  });
});
