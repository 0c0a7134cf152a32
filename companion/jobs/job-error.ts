import type { JobError } from "../../shared/api/jobs.ts";
import { CollectionError } from "../collectors/collector.ts";
import type { RetryInfo } from "../collectors/politeness/with-retries.ts";
import { isStoreBusy } from "../server/store-busy.ts";

const clock = (iso: string): string => iso.slice(11, 19);

/** A collection problem in the words a person can act on (the popup shows `message` as it is). */
export const describeJobError = (error: unknown): JobError => {
  if (error instanceof CollectionError)
    switch (error.kind) {
      case "captcha":
        return {
          kind: "captcha",
          message: `TikTok asked for a captcha: open TikTok in a window and solve it, then collect again (${error.message})`,
          retryAt: null,
        };
      case "rate-limited":
      case "blocked":
        return {
          kind: "rate-limit",
          message: `TikTok is limiting requests; the remaining hashtags wait for the next run (${error.message})`,
          retryAt: null,
        };
      case "network":
        return { kind: "network", message: `Could not reach TikTok: ${error.message}`, retryAt: null };
      default:
        return { kind: "other", message: error.message, retryAt: null };
    }
  if (isStoreBusy(error))
    return {
      kind: "other",
      message:
        "Another program (an import or a download in a terminal) was writing the database; queue the job again when it is done",
      retryAt: null,
    };
  return { kind: "other", message: error instanceof Error ? error.message : String(error), retryAt: null };
};

/** A request being retried after a pause: says when, so nobody cancels a job that is only waiting. */
export const describeRetry = (info: RetryInfo, now: number): JobError => {
  const retryAt = new Date(now + info.waitMs).toISOString();
  const limited = /429|rate/iu.test(info.reason);
  return {
    kind: limited ? "rate-limit" : "network",
    message: `${limited ? "TikTok is limiting requests" : "A request failed"} (${info.reason}); retrying at ${clock(retryAt)} UTC (attempt ${info.attempt + 1})`,
    retryAt,
  };
};

/** A hashtag's error as the download report words it (the CollectionError's kind is gone by then). */
export const describeReportError = (message: string): JobError => {
  if (/captcha|verify/iu.test(message))
    return {
      kind: "captcha",
      message: `${message}: open TikTok in a window and solve it, then collect again`,
      retryAt: null,
    };
  if (/429|rate.?limit|too many/iu.test(message))
    return { kind: "rate-limit", message: `${message}; the next run tries again`, retryAt: null };
  return { kind: "other", message, retryAt: null };
};
