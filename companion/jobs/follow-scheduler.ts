import type { Job } from "../../shared/api/jobs.ts";
import type { CollectorName } from "../collectors/collector.ts";
import type { CompanionStore } from "../store/post-store.ts";
import { dueFollows } from "./follow-schedule.ts";
import type { JobRunner } from "./job-runner.ts";

export interface FollowSchedulerOptions {
  store: CompanionStore;
  runner: JobRunner;
  source: CollectorName;
  now?: () => number;
  /** How often to look for due follows. */
  tickMs?: number;
}

const DEFAULT_TICK_MS = 30_000;

/** The hashtag's latest collection start, by anyone (the CLI, a job, an import). */
export const lastCollectedAt = (store: CompanionStore, hashtag: string): string | null =>
  store.runs(hashtag).at(-1)?.startedAt ?? null;

/**
 * While `start` runs, queues each due follow as a job of its own: the runner works one job at a time, so
 * hashtags are collected one at a time with the CLI's politeness, least recently collected first.
 */
export class FollowScheduler {
  private timer: NodeJS.Timeout | null = null;
  private readonly now: () => number;

  constructor(private readonly options: FollowSchedulerOptions) {
    this.now = options.now ?? Date.now;
  }

  /** Queues what is due and not already queued or running; returns the jobs it queued. */
  tick(): Job[] {
    const { store, runner } = this.options;
    const now = this.now();
    const due = dueFollows(store.engine.follows.list(), (hashtag) => lastCollectedAt(store, hashtag), now);
    const queued: Job[] = [];
    for (const follow of due) {
      if (store.engine.jobs.isPending(follow.hashtag)) continue;
      queued.push(
        runner.enqueue(
          {
            hashtags: [follow.hashtag],
            posts: follow.posts,
            videos: follow.videos,
            limit: follow.limit,
            since: null,
            source: this.options.source,
          },
          "follow",
        ),
      );
      store.engine.follows.markQueued(follow.hashtag, new Date(now).toISOString());
    }
    return queued;
  }

  start(): void {
    if (this.timer) return;
    this.tick();
    this.timer = setInterval(() => {
      try {
        this.tick();
      } catch (error) {
        // A busy or failing store must not end the companion; the next tick tries again.
        process.stderr.write(`Follow schedule: ${(error as Error).message}\n`);
      }
    }, this.options.tickMs ?? DEFAULT_TICK_MS);
    this.timer.unref();
  }

  stop(): void {
    if (this.timer) clearInterval(this.timer);
    this.timer = null;
  }
}
