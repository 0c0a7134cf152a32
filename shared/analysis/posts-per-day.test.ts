import { describe, expect, it } from "vitest";
import { postsPerDay } from "./posts-per-day.ts";

const day = (iso: string) => Date.parse(iso) / 1000;

describe("postsPerDay", () => {
  it("counts posts per UTC day, with the empty days between, and undated posts apart", () => {
    const result = postsPerDay([
      { id: "1", createTime: day("2024-03-01T23:59:59Z") },
      { id: "2", createTime: day("2024-03-01T00:00:00Z") },
      { id: "3", createTime: day("2024-03-04T12:00:00Z") },
      { id: "3", createTime: day("2024-03-04T12:00:00Z") },
      { id: "4", createTime: null },
    ]);
    expect(result).toEqual({
      days: [
        { day: "2024-03-01", posts: 2 },
        { day: "2024-03-02", posts: 0 },
        { day: "2024-03-03", posts: 0 },
        { day: "2024-03-04", posts: 1 },
      ],
      undated: 1,
    });
  });

  it("is empty without dated posts", () => {
    expect(postsPerDay([{ id: "1", createTime: null }])).toEqual({ days: [], undated: 1 });
  });
});
