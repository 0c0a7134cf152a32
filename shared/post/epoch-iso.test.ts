import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { epochToIso, MAX_EPOCH_SECONDS } from "./epoch-iso.ts";

const viaDate = (seconds: number): string => new Date(seconds * 1000).toISOString();

describe("epochToIso", () => {
  it("writes any second from 1970 to 9999 as Date does", () => {
    const edges = [0, 1, 59, 86_399, 86_400, 951_782_400, 951_868_799, 4_107_542_400, 1_717_182_866];
    for (const seconds of [...edges, MAX_EPOCH_SECONDS - 1, MAX_EPOCH_SECONDS])
      expect(epochToIso(seconds)).toBe(viaDate(seconds));
    fc.assert(
      fc.property(fc.integer({ min: 0, max: MAX_EPOCH_SECONDS }), (seconds) => {
        expect(epochToIso(seconds)).toBe(viaDate(seconds));
      }),
      { numRuns: 20_000 },
    );
    // Every day's first and last second over four centuries (leap years, 2000 and 2100 included).
    for (let day = 0; day < 146_097; day += 1) {
      const start = 946_684_800 + day * 86_400;
      expect(epochToIso(start)).toBe(viaDate(start));
      expect(epochToIso(start - 1)).toBe(viaDate(start - 1));
    }
  });

  it("leaves other numbers to Date, and gives null for no time", () => {
    expect(epochToIso(null)).toBeNull();
    expect(epochToIso(1.5)).toBe("1970-01-01T00:00:01.500Z");
    expect(epochToIso(-1)).toBe("1969-12-31T23:59:59.000Z");
    expect(epochToIso(MAX_EPOCH_SECONDS + 1)).toBe("+010000-01-01T00:00:00.000Z");
    expect(epochToIso(Number.NaN)).toBeNull();
    expect(epochToIso(1e20)).toBeNull();
  });
});
