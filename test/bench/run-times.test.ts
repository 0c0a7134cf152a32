import { describe, expect, it } from "vitest";
import { formatRunTimes, runTimes } from "./run-times.ts";

describe("runTimes", () => {
  it("takes the middle run of an odd count and the mean of the middle two of an even one, in any order", () => {
    expect(runTimes([0.3, 0.1, 0.2]).median).toBe(0.2);
    expect(runTimes([0.4, 0.1, 0.3, 0.2]).median).toBeCloseTo(0.25, 10);
  });

  it("gives as p90 the run nine tenths of the way up (nearest rank), so one slow run in 20 does not move it", () => {
    const twenty = Array.from({ length: 20 }, (_, i) => (i + 1) / 100);
    const times = runTimes(twenty);
    expect(times).toMatchObject({ runs: 20, p90: 0.18, min: 0.01, max: 0.2 });
    expect(times.median).toBeCloseTo(0.105, 10);
    expect(runTimes([...twenty.slice(0, 19), 5]).p90).toBe(0.18);
    expect(runTimes([0.2]).p90).toBe(0.2);
  });

  it("refuses no runs at all", () => {
    expect(() => runTimes([])).toThrow("at least one run");
  });

  it("prints the median with the p90 and the count", () => {
    expect(formatRunTimes(runTimes([0.2, 0.18, 0.25]))).toBe("0.200 s (p90 0.250, 3 runs)");
  });
});
