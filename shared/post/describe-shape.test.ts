import { describe, expect, it } from "vitest";
import { describeShape } from "./describe-shape.ts";

describe("describeShape", () => {
  it("names the top-level keys and the closest known shape", () => {
    expect(describeShape({ statusCode: 0, body: { hasMore: false } })).toBe(
      'an object with the keys "statusCode", "body" (closest known shape: the 2020 web API (body.itemListData), sharing "statusCode", "body")',
    );
    expect(describeShape({ data: {}, error: { code: "ok" }, extra: 1 })).toMatch(
      /closest known shape: a Research API response \(data\.videos\), sharing "data", "error"/u,
    );
  });

  it("describes a list by its first element", () => {
    expect(describeShape([{ video_id: 1, username: "a", create_time: 1 }, {}])).toBe(
      'a list of 2 whose first element has the keys "video_id", "username", "create_time" (closest known shape: a Research API video, sharing "create_time", "username")',
    );
    expect(describeShape([])).toBe("an empty list");
    expect(describeShape([3])).toBe("a list of 1 whose first element is number");
  });

  it("says when nothing is familiar, and shortens long key lists", () => {
    const keys = Object.fromEntries(Array.from({ length: 10 }, (_, index) => [`k${index}`, index]));
    expect(describeShape(keys)).toBe(
      'an object with the keys "k0", "k1", "k2", "k3", "k4", "k5", "k6", "k7" and 2 more (it matches none of the known shapes)',
    );
    expect(describeShape({})).toBe("an empty object");
    expect(describeShape("text")).toBe("a string");
  });
});
