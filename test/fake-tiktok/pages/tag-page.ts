import { readFileSync } from "node:fs";
import { WWW_ORIGIN } from "../hosts.ts";
import type { ItemStruct } from "../item-struct.ts";
import { STATUS_CODE } from "../markers.ts";
import type { CorpusTag } from "../types.ts";
import { challengeInfo, shareMeta } from "./api-responses.ts";
import { appContext, escapeHtml, htmlDocument, rehydrationScript } from "./html.ts";

// The browser side lives in its own file so it is plain, lintable JavaScript; it is inlined like TikTok's.
const CLIENT_SCRIPT = readFileSync(new URL("tag-page.client.js", import.meta.url), "utf8");

const STYLE = `<style>
body{margin:0;font-family:system-ui,sans-serif;background:#fff;color:#161823}
main{max-width:1100px;margin:0 auto;padding:24px}
[data-e2e="challenge-item-list"]{display:grid;grid-template-columns:repeat(auto-fill,minmax(200px,1fr));gap:16px}
[data-e2e="challenge-item"]{height:380px;border-radius:8px;overflow:hidden;background:#f1f1f2;display:flex;flex-direction:column}
[data-e2e="challenge-item"] img{width:100%;height:300px;object-fit:cover;background:#000}
[data-e2e="challenge-item-desc"]{padding:6px 8px;font-size:14px;overflow:hidden;white-space:nowrap;text-overflow:ellipsis}
[data-e2e="challenge-list-status"]{padding:32px;text-align:center;color:#75767c}
</style>`;

/**
 * www.tiktok.com/tag/<name>: the challenge detail in the rehydration data, an empty grid, and the script
 * that fills the grid from /api/challenge/item_list/ as the reader scrolls, as the real page does (its
 * first server render carries no items).
 */
export const tagPageHtml = (
  name: string,
  found?: { tag: CorpusTag; posts: readonly ItemStruct[] },
): string => {
  const canonical = `${WWW_ORIGIN}/tag/${encodeURIComponent(name)}`;
  const head = `${STYLE}<link rel="canonical" href="${escapeHtml(canonical)}">`;
  if (!found) {
    const data = rehydrationScript({
      ...appContext(),
      "webapp.challenge-detail": {
        statusCode: STATUS_CODE.challengeNotFound,
        statusMsg: "",
        challengeInfo: {},
      },
    });
    return htmlDocument(
      "Couldn't find this hashtag | TikTok",
      head,
      `<main><h1 data-e2e="challenge-not-found">Couldn't find this hashtag</h1><p>Looking for videos? Try browsing our trending creators, hashtags, and sounds.</p></main>${data}`,
    );
  }
  const meta = shareMeta(found.tag, found.posts);
  const data = rehydrationScript({
    ...appContext(),
    "seo.abtest": { canonical, pageId: found.tag.challengeId, vidList: [], parameters: [] },
    "webapp.challenge-detail": {
      statusCode: STATUS_CODE.ok,
      statusMsg: "",
      challengeInfo: challengeInfo(found.tag, found.posts),
      shareMeta: meta,
    },
  });
  const main = `<main data-e2e="challenge-page"><h1 data-e2e="challenge-title">#${escapeHtml(found.tag.name)}</h1><h2 data-e2e="challenge-vvcount">${found.tag.postCount} posts</h2><div data-e2e="challenge-item-list"></div><div data-e2e="challenge-list-status" data-state="loading" aria-live="polite">Loading…</div></main>`;
  return htmlDocument(
    meta.title,
    head,
    `<div id="app">${main}</div>${data}<script>${CLIENT_SCRIPT}</script>`,
  );
};
