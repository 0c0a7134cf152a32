import { describe, expect, it } from "vitest";
import { runEvery } from "./schedule.ts";

describe("runEvery", () => {
  it("repeats from the start of each pass, announces the next run and stops quietly when asked", async () => {
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
    expect(starts[1]).toBeGreaterThanOrEqual(145);
    expect(starts[1]).toBeLessThan(260);
    expect(starts[2]! - starts[1]!).toBeGreaterThanOrEqual(145);
    expect(lines).toHaveLength(3);
    expect(lines[0]).toMatch(
      /^Next run at \d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ \(in \d+ms\); press Ctrl\+C to stop$/u,
    );
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
