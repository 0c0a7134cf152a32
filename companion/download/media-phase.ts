import { CollectionError } from "../collectors/collector.ts";
import { downloadMedia, emptyMediaSummary } from "../video/download-media.ts";
import type { MediaSession } from "../video/media-session.ts";
import type { DownloadDeps, DownloadRequest, HashtagReport } from "./download-types.ts";
import { scrapedLine } from "./seed-lines.ts";

/** Downloads the media of each hashtag's stored posts that have none, with one session for all of them. */
export const mediaPhase = async (
  request: DownloadRequest,
  deps: DownloadDeps,
  reports: HashtagReport[],
): Promise<void> => {
  let session: MediaSession | null = null;
  for (const report of reports) {
    const posts = deps.store.postsWithoutVideo(report.hashtag);
    let summary = emptyMediaSummary();
    if (posts.length > 0) {
      try {
        session ??= await deps.openMediaSession();
      } catch (error) {
        if (!(error instanceof CollectionError)) throw error;
        report.errors.push(error.message);
        deps.warn(`warning: cannot download media: ${error.message}`);
        return;
      }
      const progress = deps.progress(`#${report.hashtag} media`, posts.length);
      try {
        summary = await downloadMedia(posts, {
          store: deps.store,
          hashtag: report.hashtag,
          session,
          dispatcher: deps.dispatcher,
          politeness: deps.politeness,
          concurrency: request.concurrency,
          signal: deps.signal,
          onPost: (outcome) => progress.increment(1, outcome.status),
        });
      } finally {
        progress.stop();
      }
    }
    if (deps.signal?.aborted) {
      const left = posts.length - summary.downloaded - summary.skipped - summary.failed.length;
      const later = reports.slice(reports.indexOf(report) + 1).map((other) => `#${other.hashtag}`);
      deps.warn(
        `Stopped while downloading the media of #${report.hashtag}: ${summary.downloaded} videos finished and are stored; ` +
          `the other ${left}${later.length > 0 ? ` (and those of ${later.join(", ")})` : ""} resume next time with -v`,
      );
      deps.signal.throwIfAborted();
    }
    const total = deps.store.hashtags().find((summary) => summary.hashtag === report.hashtag)?.videos ?? 0;
    report.videos = {
      downloaded: summary.downloaded,
      skipped: summary.skipped,
      failed: summary.failed.length,
      total,
    };
    deps.out(scrapedLine(total, "videos", report.hashtag, summary.downloaded));
    for (const failure of summary.failed) {
      report.errors.push(failure.reason);
      deps.warn(`warning: post ${failure.postId}: ${failure.reason}`);
    }
    if (summary.stoppedBy) {
      // As when collecting: more requests would only prolong the rate limit.
      const rest = reports.slice(reports.indexOf(report) + 1).map((other) => `#${other.hashtag}`);
      if (rest.length > 0)
        deps.warn(`warning: not downloading media of ${rest.join(", ")} this time, to let TikTok calm down`);
      return;
    }
  }
};
