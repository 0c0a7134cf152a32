import { collectHashtag, type HashtagCollection } from "./collect-hashtag.ts";
import type { DownloadDeps, DownloadRequest, HashtagReport } from "./download-types.ts";
import { scrapedLine } from "./seed-lines.ts";

// After these, more requests would only make TikTok's mood worse: the remaining hashtags wait for next time.
const STOPS_THE_RUN = new Set(["captcha", "rate-limited", "blocked"]);

/** Collects each hashtag in turn into the store, printing the seed's line for each. */
export const collectPhase = async (
  request: DownloadRequest,
  deps: DownloadDeps,
  reports: HashtagReport[],
): Promise<void> => {
  for (const report of reports) {
    // TikTok never says how many posts a tag page will give, so this is a counter, not a bar to 100%.
    const progress = deps.progress(`#${report.hashtag} posts`, null);
    let outcome: HashtagCollection;
    try {
      outcome = await collectHashtag({
        store: deps.store,
        collector: deps.collector,
        hashtag: report.hashtag,
        limit: request.limit,
        since: request.since,
        proxy: request.proxy,
        signal: deps.signal,
        progress,
        batchSize: deps.batchSize ?? 30,
      });
    } finally {
      progress.stop();
    }
    report.posts = { collected: outcome.collected, new: outcome.new, total: outcome.total };
    deps.out(scrapedLine(outcome.total, "posts", report.hashtag, outcome.new));
    if (!outcome.error) continue;
    report.errors.push(outcome.error.message);
    deps.warn(`warning: ${outcome.error.message}`);
    if (STOPS_THE_RUN.has(outcome.error.kind)) {
      const rest = reports.slice(reports.indexOf(report) + 1).map((other) => `#${other.hashtag}`);
      if (rest.length > 0)
        deps.warn(`warning: not collecting ${rest.join(", ")} this time, to let TikTok calm down`);
      return;
    }
  }
};
