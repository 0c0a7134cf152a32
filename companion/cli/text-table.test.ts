import { describe, expect, it } from "vitest";
import { formatTextTable } from "./text-table.ts";

describe("formatTextTable", () => {
  it("aligns columns by display width (東京 is four columns wide), without trailing spaces", () => {
    expect(
      formatTextTable(
        ["Hashtag", "Posts", "Error"],
        [
          ["東京", 3, ""],
          ["travel", 1200, "captcha\nagain"],
        ],
      ),
    ).toBe(["Hashtag  Posts  Error", "東京     3", "travel   1200   captcha again", ""].join("\n"));
  });
});
