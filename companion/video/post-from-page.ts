import { itemsFromHtml } from "../../shared/post/extract-items.ts";
import { parseFoundItem } from "../../shared/post/parse-any.ts";
import type { Post } from "../../shared/post/post.ts";

/** The post `id` as a freshly loaded page (its /@user/video/<id> page) describes it, with fresh media URLs. */
export const postFromPageHtml = (html: string, id: string, url: string): Post | null => {
  const found = itemsFromHtml(html).find((item) => String(item.item.id) === id);
  const parsed = found ? parseFoundItem(found, url, new Date().toISOString()) : null;
  return parsed?.ok ? parsed.post : null;
};
