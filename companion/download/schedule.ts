import ms from "ms";
import { sleep } from "../collectors/politeness/sleep.ts";

export interface ScheduleOptions {
  everyMs: number;
  /** Stops the schedule: a stop while waiting ends it quietly; during a run, the run sees it too. */
  signal: AbortSignal;
  out: (line: string) => void;
  now?: () => number;
}

const at = (time: number): string => new Date(time).toISOString().replace(/\.\d{3}Z$/u, "Z");

/**
 * Runs `pass` now and then again every `everyMs` (counted from the start of each pass, so runs do not drift
 * later and later), until the signal stops it. A pass that takes longer than the interval is followed at once.
 */
export const runEvery = async (pass: () => Promise<void>, options: ScheduleOptions): Promise<void> => {
  const now = options.now ?? Date.now;
  for (;;) {
    const started = now();
    await pass();
    const next = started + options.everyMs;
    const wait = Math.max(0, next - now());
    options.out(`Next run at ${at(next)} (in ${ms(wait)}); press Ctrl+C to stop`);
    try {
      await sleep(wait, options.signal);
    } catch (error) {
      if (options.signal.aborted) return;
      throw error;
    }
  }
};
