import type { Dispatcher } from "undici";
import { openStoreForCli } from "../cli/open-store.ts";
import { createProgress } from "../cli/progress.ts";
import { UserError } from "../cli/user-error.ts";
import { findBrowser } from "../collectors/browser/find-browser.ts";
import { createCollector, type SourceSettings } from "../collectors/create-collector.ts";
import { delayAround, withPoliteness } from "../collectors/politeness/politeness.ts";
import { createDispatcher } from "../video/dispatcher.ts";
import type { DownloadSettings } from "./download-settings.ts";
import { type DownloadReport, runDownload } from "./run-download.ts";
import { runEvery } from "./schedule.ts";
import { StopRequested, stopOnSignals } from "./stop-signals.ts";

export interface DownloadInvocation {
  hashtags: string[];
  settings: DownloadSettings;
  dataDir: string;
  json: boolean;
  /** For the demo and tests: the fake's Chromium flags, a dispatcher trusting its certificate... */
  sourceOverrides?: Partial<SourceSettings>;
  dispatcher?: Dispatcher;
  out?: (line: string) => void;
  warn?: (line: string) => void;
}

/**
 * Opens what a `download` needs (store, collector, HTTP dispatcher), runs once or on a schedule, and closes
 * everything, also when stopped by Ctrl+C. Returns the process exit code.
 */
export const startDownload = async (invocation: DownloadInvocation): Promise<number> => {
  const { settings, json } = invocation;
  const out = invocation.out ?? ((line: string) => process.stdout.write(`${line}\n`));
  const warn = invocation.warn ?? ((line: string) => process.stderr.write(`${line}\n`));
  // A missing browser is a setup problem: say so before anything is opened or recorded.
  if (settings.source === "browser" && settings.posts) findBrowser({ explicit: settings.browserPath });
  const store = openStoreForCli(invocation.dataDir, "write");
  const politeness = withPoliteness({ delayMs: delayAround(settings.delayMs) });
  const dispatcher = invocation.dispatcher ?? createDispatcher({ proxy: settings.proxy });
  const collector = createCollector({
    source: settings.source,
    proxy: settings.proxy,
    politeness,
    headed: settings.headed,
    profileDir: settings.profileDir,
    browserPath: settings.browserPath,
    sessionList: settings.sessionList,
    dispatcher,
    onNotice: warn,
    ...invocation.sourceOverrides,
  });
  const controller = new AbortController();
  const undoSignals = stopOnSignals(controller, warn);
  const reports: DownloadReport[] = [];

  const pass = async () => {
    const report = await runDownload(
      {
        hashtags: invocation.hashtags,
        posts: settings.posts,
        videos: settings.videos,
        limit: settings.limit,
        since: settings.since,
        proxy: settings.proxy,
        concurrency: settings.concurrency,
      },
      {
        store,
        collector,
        openMediaSession: () => {
          if (!collector.mediaSession)
            throw new UserError(`The ${collector.name} source cannot download media`);
          return collector.mediaSession();
        },
        dispatcher,
        politeness,
        out: json ? () => {} : out,
        warn,
        progress: (label, total) => createProgress(label, total, { json }),
        signal: controller.signal,
      },
    );
    reports.push(report);
    // Between scheduled runs no browser should sit idle for hours; the next run starts a fresh one.
    await collector.close();
    if (json) out(JSON.stringify(settings.everyMs === null ? report : { run: reports.length, ...report }));
  };

  try {
    if (settings.everyMs === null) await pass();
    else
      await runEvery(pass, {
        everyMs: settings.everyMs,
        signal: controller.signal,
        out: json ? () => {} : out,
      });
  } catch (error) {
    if (!(controller.signal.reason instanceof StopRequested)) throw error;
    warn("Stopped; everything collected so far is stored.");
    return 130;
  } finally {
    undoSignals();
    await collector.close().catch(() => {});
    store.close();
  }
  if (controller.signal.aborted) return 0;
  return reports.every((report) => report.ok) ? 0 : 1;
};
