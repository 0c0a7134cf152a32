import { CAPTCHA } from "../markers.ts";
import { htmlDocument } from "./html.ts";

/** The full-page slider captcha TikTok shows a browser it distrusts, in place of the page asked for. */
export const captchaPageHtml = (): string =>
  htmlDocument(
    CAPTCHA.pageTitle,
    "",
    `<div class="TUXModal ${CAPTCHA.containerSelector.slice(1)}" role="dialog"><div id="${CAPTCHA.mainPageId}" class="cap-flex" role="main" aria-modal="true"><div class="cap-text">Drag the slider to fit the puzzle</div><img alt="Captcha" src="data:image/gif;base64,R0lGODlhAQABAAAAACw=" width="340" height="212"><div id="${CAPTCHA.slideButtonId}" class="secsdk-captcha-drag-icon" role="button"></div><button id="captcha_refresh_button" type="button">Refresh</button></div></div>`,
  );

/** The verify decision an API call gets instead of data: no statusCode, no itemList. */
export const captchaDecision = () => ({
  code: CAPTCHA.apiCode,
  from: "",
  type: CAPTCHA.apiType,
  version: "",
  region: "va",
  subtype: "slide",
  detail: "Rt2J1xO6ufN8mQ0vYH0yq9Z*ZvmtxuIw6ghxmS4Gj8UoX3K1JcHvJwZz7wT9a0B",
  verify_event: "",
  fp: "verify_fake0000000000000000000000",
});
