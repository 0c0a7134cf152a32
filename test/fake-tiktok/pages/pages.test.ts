import { describe, expect, it } from "vitest";
import { at } from "../../../shared/post/coerce.ts";
import { dataScriptsFromHtml, itemsFromHtml } from "../../../shared/post/extract-items.ts";
import { createCorpus } from "../corpus/corpus.ts";
import { CAPTCHA, STATUS_CODE } from "../markers.ts";
import { challengeDetailResponse, itemListResponse, pageOf } from "./api-responses.ts";
import { captchaPageHtml } from "./captcha.ts";
import { tagPageHtml } from "./tag-page.ts";
import { videoPageHtml } from "./video-page.ts";

const corpus = createCorpus({
  seed: 1,
  tags: { travel: 70, 東京: 5 },
  videoBytes: { min: 2_000, max: 3_000 },
});
const found = (name: string) => {
  const tag = corpus.tags().find((entry) => entry.name === name)!;
  return { tag, posts: corpus.posts(name) };
};

describe("item_list pages", () => {
  const posts = corpus.posts("travel");

  it("pages by offset cursor, ending with hasMore false", () => {
    expect(pageOf(posts, 0, 30)).toMatchObject({ cursor: 30, hasMore: true, items: posts.slice(0, 30) });
    expect(pageOf(posts, 60, 30)).toMatchObject({ cursor: 70, hasMore: false, items: posts.slice(60) });
    expect(pageOf(posts, 500, 30)).toEqual({ cursor: 500, hasMore: false, items: [] });
  });

  it("sends TikTok's envelope, leaving itemList out past the end, with a stable log id", () => {
    const response = itemListResponse("/x", pageOf(posts, 0, 2));
    expect(response).toMatchObject({
      cursor: "2",
      hasMore: true,
      statusCode: 0,
      status_code: 0,
      status_msg: "",
    });
    expect(response.extra.logid).toMatch(/^20250601120000[0-9A-F]{18}$/u);
    expect(itemListResponse("/x", pageOf(posts, 0, 2))).toEqual(response);
    expect(itemListResponse("/y", pageOf(posts, 0, 2)).extra.logid).not.toBe(response.extra.logid);
    expect("itemList" in itemListResponse("/x", pageOf(posts, 70, 30))).toBe(false);
  });

  it("describes a challenge, or answers not found", () => {
    const detail = challengeDetailResponse("/d", found("travel"));
    expect(detail.statusCode).toBe(0);
    expect(at(detail, "challengeInfo", "challenge", "id")).toBe(found("travel").tag.challengeId);
    expect(at(detail, "challengeInfo", "stats", "videoCount")).toBe(70);
    expect(challengeDetailResponse("/d")).toMatchObject({
      statusCode: STATUS_CODE.challengeNotFound,
      challengeInfo: {},
    });
  });
});

describe("HTML pages", () => {
  it("puts the challenge in the tag page's rehydration data, without items (they come from the API)", () => {
    const html = tagPageHtml("travel", found("travel"));
    const data = dataScriptsFromHtml(html).__UNIVERSAL_DATA_FOR_REHYDRATION__;
    const detail = at(data, "__DEFAULT_SCOPE__", "webapp.challenge-detail");
    expect(at(detail, "statusCode")).toBe(0);
    expect(at(detail, "challengeInfo", "challenge", "title")).toBe("travel");
    expect(itemsFromHtml(html)).toEqual([]);
    expect(html).toContain('data-e2e="challenge-item-list"');
    expect(html).toContain("/api/challenge/item_list/");
  });

  it("answers an unknown tag with TikTok's not-found status", () => {
    const html = tagPageHtml("nosuchtag");
    const data = dataScriptsFromHtml(html).__UNIVERSAL_DATA_FOR_REHYDRATION__;
    expect(at(data, "__DEFAULT_SCOPE__", "webapp.challenge-detail", "statusCode")).toBe(
      STATUS_CODE.challengeNotFound,
    );
    expect(html).toContain('data-e2e="challenge-not-found"');
  });

  it("serves a video page whose item parses back, even with markup in the caption", () => {
    const item = { ...corpus.posts("東京")[0]!, desc: 'a </script><script>alert("x")</script> caption' };
    const html = videoPageHtml(item);
    expect(html).not.toContain('<script>alert("x")');
    const [found] = itemsFromHtml(html);
    expect(found?.item).toEqual(item);
    const missing = dataScriptsFromHtml(videoPageHtml(undefined)).__UNIVERSAL_DATA_FOR_REHYDRATION__;
    expect(at(missing, "__DEFAULT_SCOPE__", "webapp.video-detail", "statusCode")).toBe(
      STATUS_CODE.itemNotFound,
    );
  });

  it("shows the captcha with TikTok's markers", () => {
    const html = captchaPageHtml();
    expect(html).toContain(`<title>${CAPTCHA.pageTitle}</title>`);
    expect(html).toContain(`id="${CAPTCHA.mainPageId}"`);
    expect(html).toContain('class="TUXModal captcha-verify-container"');
  });
});
