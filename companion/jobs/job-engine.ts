import type { Router } from "express";
import type { CollectorName } from "../collectors/collector.ts";
import { followsRouter } from "../server/routes/follows.ts";
import { jobsRouter } from "../server/routes/jobs.ts";
import { syncRouter } from "../server/routes/sync.ts";
import type { CompanionStore } from "../store/post-store.ts";
import { FollowScheduler } from "./follow-scheduler.ts";
import { JobEventHub } from "./job-events.ts";
import { JobRunner, type JobTools } from "./job-runner.ts";

export interface JobEngineOptions {
  store: CompanionStore;
  tools: JobTools;
  /** The source followed hashtags are collected with. */
  followSource?: CollectorName;
  now?: () => number;
  tickMs?: number;
}

export interface JobEngine {
  readonly runner: JobRunner;
  readonly scheduler: FollowScheduler;
  readonly events: JobEventHub;
  /** Mounted by createApp after the auth middleware. */
  readonly routers: Router[];
  /** Marks jobs a crash left running as interrupted, then works through the queue and the schedule. */
  start(): void;
  /** Takes no new work, interrupts (and records) the running job, then resolves. */
  stop(): Promise<void>;
}

/** The companion's collection engine behind the API: jobs, the follow schedule and the sync feed. */
export const createJobEngine = (options: JobEngineOptions): JobEngine => {
  const events = new JobEventHub();
  const runner = new JobRunner({ store: options.store, tools: options.tools, events, now: options.now });
  const scheduler = new FollowScheduler({
    store: options.store,
    runner,
    source: options.followSource ?? "browser",
    now: options.now,
    tickMs: options.tickMs,
  });
  return {
    runner,
    scheduler,
    events,
    routers: [
      jobsRouter(options.store, runner, events),
      followsRouter(options.store, options.now),
      syncRouter(options.store),
    ],
    start() {
      runner.recover();
      runner.start();
      scheduler.start();
    },
    async stop() {
      scheduler.stop();
      await runner.stop();
    },
  };
};
