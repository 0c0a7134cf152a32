import { describe, expect, it } from "vitest";
import { UserError } from "../cli/user-error.ts";
import { resolveHashtags } from "./resolve-hashtags.ts";

describe("resolveHashtags", () => {
  it("joins arguments, -t and the file, normalised and de-duplicated in order", () => {
    expect(
      resolveHashtags({ args: ["#Travel", "food"], tags: ["東京", "travel"], fromFile: ["news", "food"] }),
    ).toEqual(["travel", "food", "東京", "news"]);
  });

  it("names every bad entry in one line", () => {
    const attempt = () => resolveHashtags({ args: ["ok", "a/b"], tags: ["two words"], fromFile: [] });
    expect(attempt).toThrow(UserError);
    expect(attempt).toThrow(
      'Invalid hashtag "a/b": it contains a path separator; Invalid hashtag "two words": it contains whitespace (one hashtag per entry)',
    );
  });

  it("refuses to run without hashtags", () => {
    expect(() => resolveHashtags({ args: [], tags: [], fromFile: [] })).toThrow(
      "No hashtags given: name them as arguments, after -t, or in a file with -f",
    );
  });
});
