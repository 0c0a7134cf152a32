import { describe, expect, it } from "vitest";
import { pythonListRepr, pythonStrRepr } from "./python-repr.ts";

// Expected values were produced with CPython 3.12: print(repr(x)).
describe("pythonStrRepr", () => {
  it("quotes like Python", () => {
    expect(pythonStrRepr("travel")).toBe("'travel'");
    expect(pythonStrRepr("it's")).toBe(`"it's"`);
    expect(pythonStrRepr(`it's "x"`)).toBe(`'it\\'s "x"'`);
  });
  it("keeps printable non-ASCII and escapes what Python escapes", () => {
    expect(pythonStrRepr("東京")).toBe("'東京'");
    expect(pythonStrRepr("fypシ")).toBe("'fypシ'");
    expect(pythonStrRepr("🇩🇿")).toBe("'🇩🇿'");
    expect(pythonStrRepr("a\tb\\c\n")).toBe("'a\\tb\\\\c\\n'");
    expect(pythonStrRepr("\u0007")).toBe("'\\x07'");
    expect(pythonStrRepr("👩\u200d💻")).toBe("'👩\\u200d💻'");
    expect(pythonStrRepr("a\u00a0b")).toBe("'a\\xa0b'");
    expect(pythonStrRepr("a b")).toBe("'a b'");
  });
});

describe("pythonListRepr", () => {
  it("matches Python's list repr", () => {
    expect(pythonListRepr(["travel", "東京"])).toBe("['travel', '東京']");
    expect(pythonListRepr([])).toBe("[]");
  });
});
