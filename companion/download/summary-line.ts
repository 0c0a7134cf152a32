import type { HashtagReport } from "./download-types.ts";
import { totalLine } from "./seed-lines.ts";

const problemsOf = (report: HashtagReport): string => {
  const [first, ...rest] = report.errors;
  const more = rest.length > 0 ? ` (and ${rest.length} more, see the warnings above)` : "";
  const videos = report.videos?.failed ? `${report.videos.failed} videos failed, first: ` : "";
  return `#${report.hashtag}: ${videos}${first}${more}`;
};

/**
 * The run's last line: the seed's "Successfully scraped..." only when nothing failed. A run with problems
 * says so and names them, so a script reading the output (and the exit code) is not told it went well.
 */
export const summaryLine = (totalNew: number, reports: readonly HashtagReport[]): string => {
  const failed = reports.filter((report) => report.errors.length > 0);
  if (failed.length === 0) return totalLine(totalNew);
  return `Finished with errors, ${totalNew} new entries stored; ${failed.map(problemsOf).join("; ")}`;
};
