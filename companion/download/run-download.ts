import { collectPhase } from "./collect-phase.ts";
import type { DownloadDeps, DownloadReport, DownloadRequest, HashtagReport } from "./download-types.ts";
import { mediaPhase } from "./media-phase.ts";
import { hashtagsToScrapeLine } from "./seed-lines.ts";
import { summaryLine } from "./summary-line.ts";

export type { DownloadDeps, DownloadReport, DownloadRequest, HashtagReport } from "./download-types.ts";

/**
 * The `download` command's work: collect each hashtag (least recently collected first), then fetch the media
 * of stored posts that have none, printing the seed's lines on the way.
 */
export const runDownload = async (request: DownloadRequest, deps: DownloadDeps): Promise<DownloadReport> => {
  const startedAt = new Date().toISOString();
  const order = deps.store.leastRecentlyCollected(request.hashtags);
  deps.out(hashtagsToScrapeLine(order));
  const reports: HashtagReport[] = order.map((hashtag) => ({
    hashtag,
    posts: null,
    videos: null,
    errors: [],
  }));
  if (request.posts) await collectPhase(request, deps, reports);
  if (request.videos) await mediaPhase(request, deps, reports);
  const totalNew = reports.reduce(
    (sum, report) => sum + (report.posts?.new ?? 0) + (report.videos?.downloaded ?? 0),
    0,
  );
  deps.out(summaryLine(totalNew, reports));
  return {
    startedAt,
    finishedAt: new Date().toISOString(),
    hashtags: reports,
    totalNew,
    ok: reports.every((report) => report.errors.length === 0),
  };
};
