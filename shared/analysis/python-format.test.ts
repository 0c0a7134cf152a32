import { describe, expect, it } from "vitest";
import { compareCodePoints, formatFixed, padEnd } from "./python-format.ts";

describe("padEnd, as Python's {:<width}", () => {
  it("pads to the width in code points and never truncates", () => {
    expect(padEnd("Rank", 8)).toBe("Rank    ");
    expect(padEnd(12, 8)).toBe("12      ");
    expect(padEnd("東京", 5)).toBe("東京   ");
    expect(padEnd("🇪🇬", 4)).toBe("🇪🇬  ");
    expect(padEnd("averyveryverylonghashtag", 10)).toBe("averyveryverylonghashtag");
  });
});

describe("formatFixed, as Python's {:.4f}", () => {
  // Expected strings printed by Python 3: "{:.4f}".format(count / total).
  it.each([
    [1, 32, "0.0312"],
    [3, 32, "0.0938"],
    [5, 32, "0.1562"],
    [31, 32, "0.9688"],
    [1, 3, "0.3333"],
    [2, 3, "0.6667"],
    [1, 1, "1.0000"],
    [0, 5, "0.0000"],
    [1, 16, "0.0625"],
    [7, 16, "0.4375"],
    [1, 160000, "0.0000"],
    [5, 100000, "0.0001"],
    [15, 100000, "0.0001"],
    [25, 100000, "0.0003"],
    [331, 5943, "0.0557"],
    [404, 2582, "0.1565"],
    [74, 18559, "0.0040"],
    [96, 12982, "0.0074"],
    [596, 2900, "0.2055"],
    [931, 17627, "0.0528"],
    [219, 2228, "0.0983"],
    [88, 15209, "0.0058"],
    [428, 3289, "0.1301"],
    [246, 3972, "0.0619"],
    [564, 14910, "0.0378"],
    [60, 19528, "0.0031"],
    [126, 8315, "0.0152"],
    [645, 3027, "0.2131"],
    [590, 13998, "0.0421"],
    [50, 8244, "0.0061"],
  ])("%i/%i -> %s", (count, total, expected) => {
    expect(formatFixed(count / total, 4)).toBe(expected);
  });

  it("rounds exact ties to even where toFixed rounds up", () => {
    expect((1 / 32).toFixed(4)).toBe("0.0313");
    expect(formatFixed(1 / 32, 4)).toBe("0.0312");
    expect(formatFixed(0.5, 0)).toBe("0");
    expect(formatFixed(1.5, 0)).toBe("2");
    expect(formatFixed(123456.78125, 4)).toBe("123456.7812");
  });

  it("rounds the binary value, not the decimal one people see", () => {
    // 2.675 is stored as 2.67499999..., so Python prints 2.67.
    expect(formatFixed(2.675, 2)).toBe("2.67");
    expect(formatFixed(0.00005, 4)).toBe("0.0001");
  });

  it("keeps Python's sign and special values", () => {
    expect(formatFixed(-0.00001, 4)).toBe("-0.0000");
    expect(formatFixed(-1.25, 1)).toBe("-1.2");
    expect(formatFixed(Number.NaN, 4)).toBe("nan");
    expect(formatFixed(Number.POSITIVE_INFINITY, 4)).toBe("inf");
    expect(formatFixed(Number.MIN_VALUE, 4)).toBe("0.0000");
  });
});

describe("compareCodePoints", () => {
  it("orders by code point as Python does, astral characters after the rest of the BMP", () => {
    const tags = ["🇪🇬", "ｆｕｌｌ", "b", "a", "東京"];
    expect([...tags].sort(compareCodePoints)).toEqual(["a", "b", "東京", "ｆｕｌｌ", "🇪🇬"]);
    // JavaScript's default sort compares UTF-16 units and puts the emoji before the full-width letters.
    expect([...tags].sort()).not.toEqual(["a", "b", "東京", "ｆｕｌｌ", "🇪🇬"]);
    expect(compareCodePoints("ab", "a")).toBeGreaterThan(0);
  });
});
