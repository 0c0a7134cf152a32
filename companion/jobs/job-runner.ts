import type { Dispatcher } from "undici";
import { FINISHED_JOB_STATES, type Job, type JobError, type JobEvent } from "../../shared/api/jobs.ts";
import type { Collector, CollectorName } from "../collectors/collector.ts";
import type { Politeness } from "../collectors/politeness/politeness.ts";
import type { RetryInfo } from "../collectors/politeness/with-retries.ts";
import type { HashtagReport } from "../download/download-types.ts";
import { runDownload } from "../download/run-download.ts";
import { isStoreBusy } from "../server/store-busy.ts";
import type { JobRequest } from "../store/jobs-table.ts";
import type { CompanionStore } from "../store/post-store.ts";
import { describeJobError, describeReportError, describeRetry } from "./job-error.ts";
import type { JobEventHub } from "./job-events.ts";
import { JobProgress, observedStore } from "./job-progress.ts";

/** What a job needs from the outside world; tests hand in the fake TikTok's. */
export interface JobTools {
  /** A fresh collector for one job, closed when the job ends (no browser sits idle between jobs). */
  openCollector(
    source: CollectorName,
    hooks: { onRetry: (info: RetryInfo) => void; onNotice: (message: string) => void },
  ): Collector;
  dispatcher: Dispatcher;
  politeness: Politeness;
  /** Media downloads at the same time, as the CLI's --concurrency. */
  concurrency: number;
}

export interface JobRunnerOptions {
  store: CompanionStore;
  tools: JobTools;
  events: JobEventHub;
  now?: () => number;
}

/** Why a running job's signal was aborted. */
class Stop extends Error {
  constructor(readonly why: "cancel" | "shutdown") {
    super(why === "cancel" ? "cancelled" : "the companion is stopping");
  }
}

export class JobConflict extends Error {}

const INTERRUPTED_BY_SHUTDOWN =
  "The companion was stopped while this job ran; what it collected is stored. Queue it again to continue.";
const INTERRUPTED_BY_CRASH =
  "The companion ended unexpectedly (a crash or a kill) while this job ran; what it collected is stored. Queue it again to continue.";

const INTERRUPTED_UNRESPONSIVE =
  "The companion was stopped while this job ran and the collection did not stop in time; what it collected is stored. Queue it again to continue.";

/** How long stop() waits for the running job to wind down before recording it interrupted anyway. */
export const STOP_WAIT_MS = 10_000;

const BUSY_ATTEMPTS = 120;
const BUSY_PAUSE_MS = 500;

const isFinished = (job: Job): boolean => FINISHED_JOB_STATES.includes(job.state);

const interrupted = (message: string): JobError => ({ kind: "interrupted", message, retryAt: null });

/** Runs the queued jobs one at a time, in the order they were queued, through the CLI's download machinery. */
export class JobRunner {
  private readonly now: () => number;
  private current: { id: number; controller: AbortController; done: Promise<void> } | null = null;
  private wake: (() => void) | null = null;
  private loop: Promise<void> | null = null;
  private stopping = false;

  constructor(private readonly options: JobRunnerOptions) {
    this.now = options.now ?? Date.now;
  }

  private get jobs() {
    return this.options.store.engine.jobs;
  }

  private iso(): string {
    return new Date(this.now()).toISOString();
  }

  private save(job: Job, kind: JobEvent["kind"], message: string | null = null): void {
    try {
      this.options.events.publish(this.jobs.save(job, kind, message));
    } catch (error) {
      // The `start` store never waits for a lock (a CLI import may hold it): a progress step or a line can be
      // skipped, the next one carries the whole job anyway.
      if (isStoreBusy(error) && (kind === "progress" || kind === "message")) return;
      throw error;
    }
  }

  /** Saves a state change that must not be lost, waiting out another program's write. */
  private async saveSurely(job: Job, kind: JobEvent["kind"]): Promise<void> {
    for (let attempt = 1; ; attempt++) {
      try {
        this.save(job, kind);
        return;
      } catch (error) {
        if (!isStoreBusy(error) || attempt >= BUSY_ATTEMPTS) throw error;
        await new Promise((resolve) => setTimeout(resolve, BUSY_PAUSE_MS));
      }
    }
  }

  /** A job left running by a process that ended without finishing it is marked interrupted, never lost. */
  recover(): Job[] {
    const orphans = this.jobs.inState(["running"]);
    for (const job of orphans) this.markInterrupted(job, INTERRUPTED_BY_CRASH);
    return orphans;
  }

  private markInterrupted(job: Job, reason: string): void {
    job.state = "interrupted";
    job.finishedAt = this.iso();
    job.error = interrupted(reason);
    for (const entry of job.progress)
      if (entry.state === "posts" || entry.state === "videos" || entry.state === "waiting")
        entry.state = "cancelled";
    this.save(job, "finished");
  }

  /** Starts working through the queue (the queued jobs of earlier runs first). */
  start(): void {
    this.stopping = false;
    this.loop ??= this.work();
  }

  enqueue(request: JobRequest, origin: Job["origin"]): Job {
    if (this.stopping) throw new JobConflict("The companion is stopping; it takes no new jobs");
    const job = this.jobs.create(request, origin, this.iso());
    this.save(job, "queued");
    this.wake?.();
    return job;
  }

  /**
   * Cancels a queued job at once; asks a running one to stop and waits (at most `waitMs`) until it has, so the
   * answer is its final state. What it collected stays stored.
   */
  async cancel(id: number, waitMs = 10_000): Promise<Job | undefined> {
    const job = this.jobs.get(id);
    if (!job) return undefined;
    if (isFinished(job)) throw new JobConflict(`Job ${id} is already ${job.state}`);
    const current = this.current;
    if (current?.id === id) {
      current.controller.abort(new Stop("cancel"));
      let timer: NodeJS.Timeout | undefined;
      await Promise.race([
        current.done,
        new Promise((resolve) => {
          timer = setTimeout(resolve, waitMs);
        }),
      ]);
      clearTimeout(timer);
      return this.jobs.get(id);
    }
    job.state = "cancelled";
    job.finishedAt = this.iso();
    for (const entry of job.progress) entry.state = "cancelled";
    this.save(job, "finished");
    return job;
  }

  /**
   * Takes no more work, stops the running job and marks it interrupted, then resolves. A collection that ignores
   * the abort must not hang SIGTERM: after `waitMs` the job is recorded interrupted anyway and stop() resolves.
   */
  async stop(waitMs = STOP_WAIT_MS): Promise<void> {
    this.stopping = true;
    const current = this.current;
    current?.controller.abort(new Stop("shutdown"));
    this.wake?.();
    let timer: NodeJS.Timeout | undefined;
    const settled = await Promise.race([
      (this.loop ?? Promise.resolve()).then(() => true),
      new Promise<false>((resolve) => {
        timer = setTimeout(() => resolve(false), waitMs);
      }),
    ]);
    clearTimeout(timer);
    if (!settled && current) {
      const job = this.jobs.get(current.id);
      if (job && !isFinished(job)) this.markInterrupted(job, INTERRUPTED_UNRESPONSIVE);
    }
    this.loop = null;
  }

  private async work(): Promise<void> {
    while (!this.stopping) {
      const job = this.jobs.nextQueued();
      if (!job) {
        await new Promise<void>((resolve) => {
          this.wake = resolve;
        });
        this.wake = null;
        continue;
      }
      const controller = new AbortController();
      let finished = () => {};
      const done = new Promise<void>((resolve) => {
        finished = resolve;
      });
      this.current = { id: job.id, controller, done };
      try {
        await this.run(job, controller.signal);
      } catch (error) {
        // run() records every failure in the job; this is the store itself failing. Keep serving the rest.
        process.stderr.write(`Job ${job.id}: ${(error as Error).stack ?? String(error)}\n`);
      } finally {
        this.current = null;
        finished();
      }
    }
  }

  private async run(job: Job, signal: AbortSignal): Promise<void> {
    job.state = "running";
    job.startedAt = this.iso();
    await this.saveSurely(job, "started");
    const progress = new JobProgress(job, (changed) => this.save(changed, "progress"));
    const message = (line: string) => this.save(job, "message", line);
    const collector = this.options.tools.openCollector(job.source, {
      onRetry: (info) => progress.problem(describeRetry(info, this.now())),
      onNotice: message,
    });
    let reports: HashtagReport[] | null = null;
    let failure: unknown = null;
    try {
      const report = await runDownload(
        {
          hashtags: job.hashtags,
          posts: job.posts,
          videos: job.videos,
          limit: job.limit,
          since: job.since === null ? null : Math.floor(Date.parse(job.since) / 1000),
          proxy: null,
          concurrency: this.options.tools.concurrency,
        },
        {
          store: observedStore(this.options.store, progress),
          collector,
          openMediaSession: () => {
            if (!collector.mediaSession)
              throw new Error(`The ${collector.name} source cannot download media; use the browser source`);
            return collector.mediaSession();
          },
          dispatcher: this.options.tools.dispatcher,
          politeness: this.options.tools.politeness,
          out: message,
          warn: message,
          progress: () => ({ increment() {}, log: message, stop() {} }),
          signal,
        },
      );
      reports = report.hashtags;
    } catch (error) {
      failure = error;
    } finally {
      await collector.close().catch(() => {});
    }
    const stop = signal.reason instanceof Stop ? signal.reason : null;
    job.finishedAt = this.iso();
    if (stop?.why === "shutdown") {
      job.state = "interrupted";
      job.error = interrupted(INTERRUPTED_BY_SHUTDOWN);
    } else if (stop?.why === "cancel") {
      job.state = "cancelled";
    } else if (failure !== null) {
      job.state = "failed";
      job.error = describeJobError(failure);
    } else {
      const firstError = reports?.flatMap((report) => report.errors)[0];
      job.state = firstError === undefined ? "done" : "failed";
      job.error = firstError === undefined ? null : describeReportError(firstError);
    }
    progress.finish(reports, stop ? "cancelled" : "failed", describeReportError);
    await this.saveSurely(job, "finished");
  }
}
