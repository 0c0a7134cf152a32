import { describe, expect, it } from "vitest";
import { describeError } from "./describe-error.ts";
import { UserError } from "./user-error.ts";

const coded = (code: string, message: string) => Object.assign(new Error(message), { code });

describe("describeError", () => {
  it("gives one line for every kind of failure", () => {
    expect(describeError(new UserError("No posts\nfor #x"))).toBe("No posts for #x");
    expect(describeError(coded("SQLITE_BUSY", "database is locked"))).toMatch(/^The database is busy/);
    expect(describeError(coded("SQLITE_CORRUPT", "database disk image is malformed"))).toBe(
      "Database error (SQLITE_CORRUPT): database disk image is malformed",
    );
    expect(describeError(coded("ENOSPC", "no space left on device, write"))).toBe(
      "no space left on device, write",
    );
    expect(describeError(new TypeError("x is undefined"))).toBe(
      "Unexpected error: x is undefined (set TIKTOK_HASHTAG_DEBUG=1 to see where)",
    );
  });
});
