import { describe, expect, it } from "vitest";
import { CaptureContext, contextLabel, PostItemsRequest, parseContextLabel } from "./contract.ts";

describe("capture context", () => {
  it("accepts profiles (lower-cased, without @), search terms (trimmed, spaces folded) and the feed", () => {
    expect(CaptureContext.parse({ kind: "profile", value: "@Some.User_1" })).toEqual({
      kind: "profile",
      value: "some.user_1",
    });
    expect(CaptureContext.parse({ kind: "search", value: "  cat \t videos " })).toEqual({
      kind: "search",
      value: "cat videos",
    });
    expect(CaptureContext.parse({ kind: "feed" })).toEqual({ kind: "feed", value: "" });
  });

  it.each([
    [{ kind: "profile", value: "" }, /username/u],
    [{ kind: "profile", value: "a".repeat(25) }, /username/u],
    [{ kind: "profile", value: "../etc" }, /username/u],
    [{ kind: "profile", value: "名前" }, /username/u],
    [{ kind: "search", value: "   " }, /empty/u],
    [{ kind: "search", value: "x".repeat(201) }, /at most 200/u],
    [{ kind: "search", value: "a\u0000b" }, /control/u],
    [{ kind: "feed", value: "x" }, /./u],
    [{ kind: "tag", value: "x" }, /./u],
  ])("refuses %j with a reason", (input, reason) => {
    const result = CaptureContext.safeParse(input);
    expect(result.success).toBe(false);
    expect(result.error?.issues[0]?.message).toMatch(reason);
  });

  it("reads and writes the labels the CLI takes", () => {
    for (const label of ["@someone", "search:cat videos", "feed"]) {
      const parsed = parseContextLabel(label);
      expect(parsed.ok && contextLabel(parsed.context)).toBe(label);
    }
    expect(parseContextLabel("travel")).toEqual({
      ok: false,
      error: '"travel" is not @user, search:<term> or feed',
    });
    expect(parseContextLabel("@")).toMatchObject({ ok: false });
  });
});

describe("POST /api/posts body", () => {
  it("takes exactly one of hashtag and context", () => {
    expect(PostItemsRequest.safeParse({ hashtag: "travel", items: [] }).success).toBe(true);
    expect(PostItemsRequest.safeParse({ context: { kind: "feed" }, items: [] }).success).toBe(true);
    for (const body of [{ items: [] }, { hashtag: "travel", context: { kind: "feed" }, items: [] }]) {
      const result = PostItemsRequest.safeParse(body);
      expect(result.success).toBe(false);
      expect(result.error?.issues[0]?.message).toBe("give either hashtag or context, not both or neither");
    }
  });
});
