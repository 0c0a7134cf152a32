import { parseHashtag } from "./hashtag.ts";

/** TikTok's page for a hashtag, where a post "collected for" that hashtag was found. */
export const tagPageUrl = (hashtag: string): string =>
  `https://www.tiktok.com/tag/${encodeURIComponent(hashtag)}`;

/** The hashtag of a TikTok tag page URL (https://www.tiktok.com/tag/<name>), else null. */
export const hashtagFromUrl = (url: string | null): string | null => {
  if (url === null) return null;
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return null;
  }
  if (!/(^|\.)tiktok\.com$/u.test(parsed.hostname)) return null;
  const name = /^\/tag\/([^/]+)/u.exec(parsed.pathname)?.[1];
  if (name === undefined) return null;
  let decoded: string;
  try {
    decoded = decodeURIComponent(name);
  } catch {
    return null;
  }
  const result = parseHashtag(decoded);
  return result.ok ? result.hashtag : null;
};
