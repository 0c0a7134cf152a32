import { MultiBar } from "cli-progress";

export interface Progress {
  increment(by?: number, detail?: string): void;
  /** Prints a line without breaking the bar. */
  log(line: string): void;
  stop(): void;
}

export interface ProgressOptions {
  json: boolean;
  /** Defaults to stderr, so stdout stays clean for data. */
  stream?: NodeJS.WritableStream & { isTTY?: boolean };
  /** For tests: the clock that throttles plain log lines. */
  now?: () => number;
}

/** Plain mode writes at most one progress line this often, so logs stay readable. */
const PLAIN_INTERVAL_MS = 2000;

const silent: Progress = { increment() {}, log() {}, stop() {} };

const percent = (value: number, total: number | null): string =>
  total === null || total === 0 ? `${value}` : `${Math.min(100, Math.floor((value / total) * 100))}%`;

const plainProgress = (label: string, total: number | null, options: ProgressOptions): Progress => {
  const stream = options.stream ?? process.stderr;
  const now = options.now ?? Date.now;
  let value = 0;
  let detail = "";
  let lastLine = now();
  let writtenValue: number | null = null;
  const write = () => {
    writtenValue = value;
    stream.write(`${label}: ${percent(value, total)}${detail === "" ? "" : ` ${detail}`}\n`);
  };
  return {
    increment(by = 1, newDetail) {
      value += by;
      if (newDetail !== undefined) detail = newDetail;
      if (now() - lastLine >= PLAIN_INTERVAL_MS) {
        lastLine = now();
        write();
      }
    },
    log(line) {
      stream.write(`${line}\n`);
    },
    stop() {
      // A task too short to have logged progress needs no closing line, nor one that would repeat the last.
      if (writtenValue !== null && writtenValue !== value) write();
    },
  };
};

const barProgress = (label: string, total: number | null, options: ProgressOptions): Progress => {
  const format =
    total === null
      ? `${label} {value} {detail}`
      : `${label} [{bar}] {percentage}% | ETA {eta_formatted} {detail}`;
  const bars = new MultiBar({ stream: options.stream ?? process.stderr, format, hideCursor: true });
  const bar = bars.create(total ?? 0, 0, { detail: "" });
  return {
    increment(by = 1, detail) {
      bar.increment(by, detail === undefined ? undefined : { detail });
    },
    log(line) {
      bars.log(`${line}\n`);
      // MultiBar only prints logged lines at its next redraw, and stop() drops them, so redraw now.
      bars.update();
    },
    stop() {
      bars.stop();
    },
  };
};

/** A cli-progress bar on a terminal, plain log lines otherwise, nothing at all in --json mode. */
export const createProgress = (label: string, total: number | null, options: ProgressOptions): Progress => {
  if (options.json) return silent;
  const isTTY = (options.stream ?? process.stderr).isTTY === true;
  return isTTY ? barProgress(label, total, options) : plainProgress(label, total, options);
};
