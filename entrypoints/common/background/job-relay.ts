import { FINISHED_JOB_STATES, type Job } from "../../../shared/api/jobs.ts";
import { readJobEvents } from "../companion/job-event-stream.ts";
import { toJobView } from "../jobs/job-view.ts";
import type { JobView } from "../messages/extension-messages.ts";
import type { CompanionAccess } from "./mirror-sync.ts";

/** Finished jobs the popup still lists, newest first, so the last result and error stay visible. */
const FINISHED_SHOWN = 3;
const RECONNECT_MS = 2_000;

const wait = (ms: number, signal: AbortSignal) =>
  new Promise<void>((resolve) => {
    const timer = setTimeout(resolve, ms);
    signal.addEventListener("abort", () => {
      clearTimeout(timer);
      resolve();
    });
  });

const isFinished = (job: Job) => FINISHED_JOB_STATES.includes(job.state);

export interface JobRelayHooks {
  /** The jobs changed: push them to the open popups. */
  onChange: (jobs: JobView[]) => void;
  /** A job ended: new posts are in the companion, so mirror them. */
  onFinished: (job: Job) => void;
}

/**
 * Follows the companion's job events while someone watches, reconnecting with Last-Event-ID after a drop so no
 * event is missed, and keeps each job's latest full state (every event carries it).
 */
export const createJobRelay = (access: CompanionAccess, hooks: JobRelayHooks, reconnectMs = RECONNECT_MS) => {
  const jobs = new Map<number, Job>();
  let lastEventId: string | null = null;
  let controller: AbortController | null = null;

  const views = (): JobView[] => {
    const all = [...jobs.values()].sort((a, b) => b.id - a.id);
    return [...all.filter((job) => !isFinished(job)), ...all.filter(isFinished).slice(0, FINISHED_SHOWN)].map(
      (job) => toJobView(job),
    );
  };

  const remember = (job: Job) => {
    const before = jobs.get(job.id);
    jobs.set(job.id, job);
    if (isFinished(job) && (before === undefined || !isFinished(before))) hooks.onFinished(job);
  };

  const follow = async (signal: AbortSignal) => {
    while (!signal.aborted) {
      try {
        const api = access.makeApi(await access.readSettings());
        if (lastEventId === null)
          for (const job of (await api.jobs()).jobs.slice(0, 20)) jobs.set(job.id, job);
        hooks.onChange(views());
        const response = await api.jobEvents(lastEventId, signal);
        await readJobEvents(response, (event, id) => {
          if (id !== undefined) lastEventId = id;
          remember(event.job);
          hooks.onChange(views());
        });
      } catch {
        // Not running or not paired: the popup's status says so; try again shortly.
      }
      await wait(reconnectMs, signal);
    }
  };

  return {
    views,
    /** Records a job the extension just created, before its first event arrives. */
    add: (job: Job) => {
      remember(job);
      hooks.onChange(views());
    },
    start: () => {
      if (controller !== null) return;
      controller = new AbortController();
      void follow(controller.signal);
    },
    stop: () => {
      controller?.abort();
      controller = null;
    },
  };
};

export type JobRelay = ReturnType<typeof createJobRelay>;
