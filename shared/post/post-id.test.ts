import { describe, expect, it } from "vitest";
import { isPostId, POST_ID_PATTERN, postIdProblem, readPostId } from "./post-id.ts";

describe("post ids", () => {
  it.each(["0", "7", "7300000000000000401", "18446744073709551615", "12345678901234567890"])(
    "accepts %j",
    (id) => {
      expect(isPostId(id)).toBe(true);
      expect(POST_ID_PATTERN.test(id)).toBe(true);
      expect(postIdProblem(id)).toBeNull();
      expect(readPostId(id)).toEqual({ ok: true, id });
    },
  );

  it.each([
    ["", /empty/u],
    [" 12", /whitespace/u],
    ["12\n", /whitespace/u],
    ["123456789012345678901", /21 digits, more than 20/u],
    ["-1", /negative/u],
    ["1.5", /fraction/u],
    ["1e21", /exponent/u],
    ["7.35E+18", /exponent/u],
    ["7,35E+18", /exponent notation \(as a spreadsheet/u],
    ["١٢٣", /non-ASCII digits/u],
    ["１２３", /non-ASCII digits/u],
    ["../../../../tmp/x", /not a string of digits/u],
    ["..", /not a string of digits/u],
    ["12\u00003", /not a string of digits/u],
    ["__proto__", /not a string of digits/u],
  ])("rejects %j: %s", (id, reason) => {
    expect(isPostId(id)).toBe(false);
    expect(postIdProblem(id)).toMatch(reason);
    expect(readPostId(id)).toEqual({ ok: false, reason: expect.stringMatching(reason) });
  });

  it("shows a hostile id escaped, so a control character cannot break the message", () => {
    expect(postIdProblem("1\u00002")).toContain(String.raw`"1\u00002"`);
  });

  it("reads numbers only when every digit is known", () => {
    expect(readPostId(7300)).toEqual({ ok: true, id: "7300" });
    expect(readPostId(7300000000000000401n)).toEqual({ ok: true, id: "7300000000000000401" });
    expect(readPostId(7.3e18)).toEqual({ ok: false, reason: expect.stringMatching(/beyond 2\^53/u) });
    expect(readPostId(1e21)).toEqual({ ok: false, reason: expect.stringMatching(/beyond 2\^53/u) });
    expect(readPostId(1.5)).toEqual({ ok: false, reason: expect.stringMatching(/fraction/u) });
    expect(readPostId(-1)).toEqual({ ok: false, reason: expect.stringMatching(/negative/u) });
    expect(readPostId(-1n)).toEqual({ ok: false, reason: expect.stringMatching(/negative/u) });
    expect(readPostId(Number.NaN)).toEqual({ ok: false, reason: expect.stringMatching(/not a number/u) });
  });

  it("says what it got when the id is missing or of another type", () => {
    expect(readPostId(undefined)).toEqual({ ok: false, reason: "post has no id" });
    expect(readPostId(null)).toEqual({ ok: false, reason: "post has no id" });
    expect(readPostId(["1"])).toEqual({ ok: false, reason: "the id is a list, not digits" });
    expect(readPostId({ id: "1" })).toEqual({ ok: false, reason: "the id is a object, not digits" });
    expect(readPostId(true)).toEqual({ ok: false, reason: "the id is a boolean, not digits" });
  });
});
