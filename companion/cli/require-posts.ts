import type { CompanionStore, TimeRange } from "../store/post-store.ts";
import { describeRange } from "./parse-arguments.ts";
import { UserError } from "./user-error.ts";

const MAX_LISTED = 10;

/**
 * The number of posts to analyse or export, or a UserError for an empty store or an unknown hashtag. The count
 * comes from the per-day aggregate; the store is looked at further only to explain why there is nothing.
 */
export const requirePosts = (store: CompanionStore, hashtag: string, range: TimeRange = {}): number => {
  const count = store.countPosts(hashtag, range);
  if (count > 0) return count;
  if (store.totalPosts() === 0)
    throw new UserError(`The store in ${store.dataDir} has no posts yet (import or collect some first)`);
  if (store.countPosts(hashtag) === 0) {
    const known = store.hashtags().filter((row) => row.posts > 0);
    const listed = known
      .slice(0, MAX_LISTED)
      .map((row) => row.hashtag)
      .join(", ");
    const more = known.length > MAX_LISTED ? `, ... (${known.length} in all)` : "";
    throw new UserError(`No posts stored for #${hashtag} (hashtags with posts: ${listed}${more})`);
  }
  throw new UserError(`No posts for #${hashtag}${describeRange(range)}`);
};
