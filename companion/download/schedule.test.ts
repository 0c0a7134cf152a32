import { describe, expect, it } from "vitest";
import { runEvery } from "./schedule.ts";

describe("runEvery", () => {
  it("repeats, announces the next run and stops quietly when asked", async () => {
    const controller = new AbortController();
    const lines: string[] = [];
    const starts: number[] = [];
    const started = Date.now();
    await runEvery(
      async () => {
        starts.push(Date.now() - started);
        await new Promise((resolve) => setTimeout(resolve, 40));
        if (starts.length === 3) setTimeout(() => controller.abort(), 20);
      },
      { everyMs: 150, signal: controller.signal, out: (line) => lines.push(line) },
    );
    expect(starts).toHaveLength(3);
    // Only lower bounds on real time: a loaded CI machine may fire timers late, never early.
    expect(starts[1]).toBeGreaterThanOrEqual(145);
    expect(starts[2]! - starts[1]!).toBeGreaterThanOrEqual(145);
    expect(lines).toHaveLength(3);
    expect(lines[0]).toMatch(
      /^Next run at \d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ \(in \d+ms\); press Ctrl\+C to stop$/u,
    );
  });

  it("counts each interval from the start of a pass, and follows an overlong pass at once", async () => {
    const controller = new AbortController();
    const lines: string[] = [];
    const t0 = Date.parse("2026-01-01T00:00:00Z");
    let clock = t0;
    // What each pass "takes" on the injected clock: under the interval, then over it.
    const durations = [980, 1500, 10];
    await runEvery(
      async () => {
        clock += durations.shift() ?? 0;
        if (durations.length === 0) controller.abort();
      },
      { everyMs: 1000, signal: controller.signal, out: (line) => lines.push(line), now: () => clock },
    );
    expect(lines).toEqual([
      "Next run at 2026-01-01T00:00:01Z (in 20ms); press Ctrl+C to stop",
      "Next run at 2026-01-01T00:00:01Z (in 0ms); press Ctrl+C to stop",
      "Next run at 2026-01-01T00:00:03Z (in 990ms); press Ctrl+C to stop",
    ]);
    expect(clock - t0).toBe(2490);
  });

  it("passes a failing run's error on", async () => {
    const failure = runEvery(
      async () => {
        throw new Error("disk full");
      },
      { everyMs: 60_000, signal: new AbortController().signal, out: () => {} },
    );
    await expect(failure).rejects.toThrow("disk full");
  });
});
