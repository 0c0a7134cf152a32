import type { HashtagDay } from "../../common/mirror/hashtag-days.ts";
import type { Analyser } from "./analyser.ts";
import { countFromDays, coversWholeDays } from "./count-from-days.ts";
import { trendsFromDays } from "./trends-from-days.ts";

/**
 * The analyser with `count` and `trends` answered from the hashtag's day counts (a few hundred rows, not 100k links) whenever
 * the range is whole days, which is what the view's date fields give; anything else is counted from the posts.
 */
export const withDayCounts = (
  analyser: Analyser,
  loadDays: (hashtag: string) => Promise<HashtagDay[]>,
): Analyser => ({
  ...analyser,
  count: async (request, version) =>
    coversWholeDays(request.selection.range)
      ? countFromDays(await loadDays(request.selection.hashtag), request)
      : analyser.count(request, version),
  trends: async (request, version) =>
    coversWholeDays(request.range)
      ? trendsFromDays(await loadDays(request.hashtag), request)
      : analyser.trends(request, version),
});
