import { spawnSync } from "node:child_process";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { type RunTimes, runTimes } from "./run-times.ts";

export interface CliRun {
  seconds: number;
  stdout: string;
}

const loadAverage = (): number => Number(readFileSync("/proc/loadavg", "utf8").split(" ")[0]);

/** One `node <root>/companion/bin.js ...args` from spawn to exit, in wall seconds; a failed run throws. */
export const timeCliRun = (root: string, args: string[]): CliRun => {
  const started = process.hrtime.bigint();
  const result = spawnSync(process.execPath, [join(root, "companion/bin.js"), ...args], {
    encoding: "utf8",
    maxBuffer: 64 * 2 ** 20,
    env: { ...process.env, NO_COLOR: "1" },
  });
  const seconds = Number(process.hrtime.bigint() - started) / 1e9;
  if (result.status !== 0)
    throw new Error(`${root}: ${args.join(" ")} failed (${result.status}):\n${result.stderr}`);
  return { seconds, stdout: result.stdout };
};

/** A command to time: what it is (the same label on every checkout), the checkout, its arguments. */
export interface CliJob {
  label: string;
  root: string;
  args: string[];
}

export interface JobTimes extends CliJob {
  times: RunTimes;
  /** The 1-minute load average before the first and after the last round. */
  load: [number, number];
  stdout: string;
}

/**
 * Runs every job `runs` times, one run of each per round, their order reversed every other round: a change in the
 * machine's load then falls on every checkout alike. A first run of each is left out (it fills the page cache).
 * A job that prints something else from one run to the next is an error, not a figure.
 */
export const alternatedRunTimes = (jobs: readonly CliJob[], runs: number): JobTimes[] => {
  const cells = jobs.map((job) => ({
    ...job,
    seconds: [] as number[],
    stdout: timeCliRun(job.root, job.args).stdout,
  }));
  const before = loadAverage();
  for (let round = 0; round < runs; round++) {
    for (const cell of round % 2 === 0 ? cells : [...cells].reverse()) {
      const run = timeCliRun(cell.root, cell.args);
      if (run.stdout !== cell.stdout)
        throw new Error(`${cell.root}: ${cell.args.join(" ")} printed something else in round ${round + 1}`);
      cell.seconds.push(run.seconds);
    }
  }
  const load: [number, number] = [before, loadAverage()];
  return cells.map(({ seconds, ...cell }) => ({ ...cell, times: runTimes(seconds), load }));
};
