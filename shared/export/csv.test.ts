import { describe, expect, it } from "vitest";
import { csvLine, csvText } from "./csv.ts";

describe("csv", () => {
  it("writes RFC 4180: CRLF records, quoted fields with commas, quotes and line breaks", () => {
    expect(csvLine(["plain", 'say "hi"', "a,b", "two\nlines", "cr\ronly", 42, null])).toBe(
      'plain,"say ""hi""","a,b","two\nlines","cr\ronly",42,\r\n',
    );
    expect(
      csvText([
        ["a", "b"],
        ["c", "d"],
      ]),
    ).toBe("a,b\r\nc,d\r\n");
  });

  it.each([
    ["=1+2", "'=1+2"],
    ["+33 612", "'+33 612"],
    ["-list", "'-list"],
    ["@everyone", "'@everyone"],
    ["\tindent", "'\tindent"],
    ["=SUM(A1,A2)", `"'=SUM(A1,A2)"`],
  ])("defuses the formula %j", (text, written) => {
    expect(csvLine([text])).toBe(`${written}\r\n`);
  });

  it("leaves numbers alone, negative ones included", () => {
    expect(csvLine([-5, 0])).toBe("-5,0\r\n");
  });
});
