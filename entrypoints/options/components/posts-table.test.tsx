// @vitest-environment happy-dom
import { cleanup, fireEvent, render, screen, within } from "@testing-library/preact";
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from "vitest";
import { DEFAULT_SORT, type PostRow } from "../analysis/analyse-hashtag.ts";
import { PostsTable } from "./posts-table.tsx";

const row = (i: number): PostRow => ({
  id: String(i),
  createTime: 1_735_689_600 + i * 60,
  author: `author${i}`,
  description: `post number ${i}`,
  hashtags: ["travel"],
  likes: i,
  plays: null,
  comments: 0,
  shares: 1,
  url: `https://www.tiktok.com/@author${i}/video/${i}`,
});

// happy-dom lays nothing out; give the scroll box the size a browser would, so the virtualiser sees rows in view.
const clientSize = (name: "clientHeight" | "clientWidth", size: number) => {
  const real = Object.getOwnPropertyDescriptor(Element.prototype, name);
  return {
    stub: () =>
      Object.defineProperty(HTMLElement.prototype, name, {
        configurable: true,
        get(this: HTMLElement) {
          return this.classList.contains("posts-scroll") ? size : (real?.get?.call(this) ?? 0);
        },
      }),
    restore: () => Reflect.deleteProperty(HTMLElement.prototype, name),
  };
};
const sizes = [clientSize("clientHeight", 360), clientSize("clientWidth", 1000)];
beforeAll(() => {
  for (const size of sizes) size.stub();
});
afterAll(() => {
  for (const size of sizes) size.restore();
});
afterEach(cleanup);

describe("PostsTable", () => {
  it("puts only the rows in view into the DOM, and says how many there are", () => {
    const rows = Array.from({ length: 100_000 }, (_, i) => row(i));
    render(<PostsTable rows={rows} sort={DEFAULT_SORT} onSort={() => {}} height={360} />);
    const table = screen.getByTestId("posts-table");
    expect(table.getAttribute("aria-rowcount")).toBe("100001");
    const bodyRows = table.querySelectorAll("tbody tr:not(.spacer)");
    expect(bodyRows.length).toBeGreaterThan(5);
    expect(bodyRows.length).toBeLessThan(40);
    expect(screen.getByText("100,000 posts")).toBeTruthy();
  });

  it("links each post to TikTok and offers its downloaded video while the companion runs", () => {
    const opened: string[] = [];
    const { rerender } = render(
      <PostsTable
        rows={[row(1), row(2)]}
        sort={DEFAULT_SORT}
        onSort={() => {}}
        videoPostIds={new Set(["1"])}
        onOpenVideo={(r) => opened.push(r.id)}
      />,
    );
    const links = screen.getAllByRole("link");
    expect(links.map((link) => [link.textContent, link.getAttribute("href")])).toEqual([
      ["TikTok", "https://www.tiktok.com/@author1/video/1"],
      ["TikTok", "https://www.tiktok.com/@author2/video/2"],
    ]);
    fireEvent.click(screen.getByRole("button", { name: "Play the downloaded video of post 1" }));
    expect(opened).toEqual(["1"]);
    expect(screen.getAllByText("–")).toHaveLength(2); // plays unknown: a dash, never 0

    rerender(
      <PostsTable
        rows={[row(1), row(2)]}
        sort={DEFAULT_SORT}
        onSort={() => {}}
        videoPostIds={new Set(["1"])}
      />,
    );
    const video = screen.getByRole("button", {
      name: "Play the downloaded video of post 1",
    }) as HTMLButtonElement;
    expect(video.disabled).toBe(true);
    expect(video.title).toBe("Start the companion to play downloaded videos");
  });

  it("sorts by a column header's button: descending first, then ascending", () => {
    const onSort = vi.fn();
    const { rerender } = render(<PostsTable rows={[row(1)]} sort={DEFAULT_SORT} onSort={onSort} />);
    const likes = screen.getByRole("button", { name: "Likes" });
    fireEvent.click(likes);
    expect(onSort).toHaveBeenLastCalledWith({ column: "likes", direction: "desc" });
    rerender(<PostsTable rows={[row(1)]} sort={{ column: "likes", direction: "desc" }} onSort={onSort} />);
    const header = screen.getByRole("columnheader", { name: /Likes/ });
    expect(header.getAttribute("aria-sort")).toBe("descending");
    fireEvent.click(within(header).getByRole("button"));
    expect(onSort).toHaveBeenLastCalledWith({ column: "likes", direction: "asc" });
  });
});
