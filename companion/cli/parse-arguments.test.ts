import { describe, expect, it } from "vitest";
import { describeRange, hashtagArgument, parseTimeRange, positiveInteger } from "./parse-arguments.ts";
import { UserError } from "./user-error.ts";

describe("command-line arguments", () => {
  it("normalises hashtags and explains bad ones", () => {
    expect(hashtagArgument("#Travel")).toBe("travel");
    expect(() => hashtagArgument("a/b")).toThrow(UserError);
    expect(() => hashtagArgument("a/b")).toThrow(/Invalid hashtag "a\/b": it contains a path separator/);
    expect(() => hashtagArgument(undefined)).toThrow("Missing hashtag");
  });

  it("reads whole numbers of at least 1", () => {
    expect(positiveInteger("n", "20")).toBe(20);
    for (const bad of ["0", "-3", "2.5", "ten", ""])
      expect(() => positiveInteger("n", bad)).toThrow(
        `n must be a whole number of at least 1, got ${JSON.stringify(bad)}`,
      );
  });

  it("reads dates as whole UTC days, ISO times, or epoch seconds", () => {
    expect(parseTimeRange("2024-03-01", "2024-03-01")).toEqual({
      since: Date.parse("2024-03-01T00:00:00Z") / 1000,
      until: Date.parse("2024-03-01T23:59:59Z") / 1000,
    });
    expect(parseTimeRange("2024-03-01T12:00:00+02:00", undefined)).toEqual({
      since: Date.parse("2024-03-01T10:00:00Z") / 1000,
    });
    expect(parseTimeRange(undefined, "1700000000")).toEqual({ until: 1_700_000_000 });
    expect(parseTimeRange(undefined, undefined)).toEqual({});
  });

  it("refuses unreadable and reversed ranges", () => {
    expect(() => parseTimeRange("yesterday", undefined)).toThrow(
      /--since: cannot read "yesterday" as a date/,
    );
    for (const impossible of ["2025-02-30", "2025-02-29T10:00:00Z", "2024-04-31", "2024-00-10"])
      expect(() => parseTimeRange(impossible, undefined)).toThrow(
        `--since: cannot read ${JSON.stringify(impossible)} as a date`,
      );
    expect(parseTimeRange("0050-01-01T00:00:00Z", "2024-02-29").until).toBe(
      Date.UTC(2024, 1, 29, 23, 59, 59) / 1000,
    );
    expect(() => parseTimeRange("2024-03-02", "2024-03-01")).toThrow(
      "--since 2024-03-02 is after --until 2024-03-01",
    );
  });

  it("describes a range for messages", () => {
    expect(describeRange({ since: 0, until: 86_399 })).toBe(
      " between 1970-01-01T00:00:00Z and 1970-01-01T23:59:59Z",
    );
    expect(describeRange({})).toBe("");
  });
});
