import { describe, expect, it } from "vitest";
import {
  compareExportOrder,
  dateRangeFromDays,
  inDateRange,
  postMatcher,
  type SelectablePost,
} from "./selection.ts";

const post = (
  id: string,
  createTime: number | null,
  extra: Partial<SelectablePost> = {},
): SelectablePost => ({
  id,
  createTime,
  description: "",
  hashtags: [],
  author: {
    id: null,
    uniqueId: "someone",
    nickname: "Some One",
    verified: null,
    secUid: null,
    followers: null,
  },
  ...extra,
});

describe("dateRangeFromDays", () => {
  it("reads days as the CLI does: UTC, the whole of the last day included", () => {
    expect(dateRangeFromDays("2025-01-01", "2025-01-31")).toEqual({
      ok: true,
      range: { since: 1_735_689_600, until: 1_738_367_999 },
    });
    expect(dateRangeFromDays("", "")).toEqual({ ok: true, range: {} });
  });

  it("says which input is wrong", () => {
    expect(dateRangeFromDays("yesterday", "")).toEqual({
      ok: false,
      error: '"From" is not a date: "yesterday"',
    });
    expect(dateRangeFromDays("", "2025-02-30x")).toMatchObject({ ok: false, error: /"To" is not a date/ });
    expect(dateRangeFromDays("2025-03-01", "2025-01-01")).toEqual({
      ok: false,
      error: '"From" (2025-03-01) is after "To" (2025-01-01)',
    });
  });
});

describe("inDateRange", () => {
  it("keeps undated posts only when no bound is given", () => {
    expect(inDateRange(null, {})).toBe(true);
    expect(inDateRange(null, { since: 0 })).toBe(false);
    expect(inDateRange(10, { since: 10, until: 10 })).toBe(true);
    expect(inDateRange(11, { until: 10 })).toBe(false);
    expect(inDateRange(9, { since: 10 })).toBe(false);
  });
});

describe("postMatcher", () => {
  it("matches text in the description or the author's names, ignoring case", () => {
    const matches = postMatcher({ text: "  BEACH ", coHashtag: "" });
    expect(matches(post("1", 0, { description: "At the beach" }))).toBe(true);
    expect(matches(post("2", 0, { description: "mountains" }))).toBe(false);
    expect(postMatcher({ text: "some one", coHashtag: "" })(post("3", 0))).toBe(true);
  });

  it("matches a co-occurring hashtag however it was typed", () => {
    const matches = postMatcher({ text: "", coHashtag: "#Food" });
    expect(matches(post("1", 0, { hashtags: ["travel", "food"] }))).toBe(true);
    expect(matches(post("2", 0, { hashtags: ["travel"] }))).toBe(false);
  });
});

describe("compareExportOrder", () => {
  it("sorts oldest first, undated last, ties by id as text (as SQLite compares TEXT)", () => {
    const posts = [post("9", null), post("10", 5), post("9", 5), post("2", null), post("1", 7)];
    expect(posts.sort(compareExportOrder).map((p) => `${p.id}@${p.createTime}`)).toEqual([
      "10@5",
      "9@5",
      "1@7",
      "2@null",
      "9@null",
    ]);
  });
});
