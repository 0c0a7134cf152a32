import { useRef } from "preact/hooks";
import type { PostRow, PostSort, SortColumn } from "../analysis/analyse-hashtag.ts";
import { useVirtualizer } from "./use-virtualizer.ts";

const ROW_HEIGHT = 36;

const COLUMNS: { key: SortColumn | "description" | "links"; label: string; sortable: boolean }[] = [
  { key: "createTime", label: "Created (UTC)", sortable: true },
  { key: "author", label: "Author", sortable: true },
  { key: "description", label: "Description", sortable: false },
  { key: "likes", label: "Likes", sortable: true },
  { key: "plays", label: "Plays", sortable: true },
  { key: "comments", label: "Comments", sortable: true },
  { key: "shares", label: "Shares", sortable: true },
  { key: "links", label: "Links", sortable: false },
];

const formatTime = (seconds: number | null): string =>
  seconds === null ? "unknown" : new Date(seconds * 1000).toISOString().slice(0, 16).replace("T", " ");
const formatCount = (value: number | null): string => (value === null ? "–" : value.toLocaleString("en"));

interface PostsTableProps {
  rows: readonly PostRow[];
  sort: PostSort;
  onSort: (sort: PostSort) => void;
  /** Posts whose video the companion has downloaded. */
  videoPostIds?: ReadonlySet<string>;
  /** Opens a downloaded video; absent while the companion is not running. */
  onOpenVideo?: (row: PostRow) => void;
  height?: number;
}

/**
 * Only the rows in view are in the DOM (spacer rows keep the scroll height), so 100k posts scroll smoothly;
 * it stays a real <table> with aria-rowcount so screen readers know how many rows there are.
 */
export const PostsTable = ({
  rows,
  sort,
  onSort,
  videoPostIds,
  onOpenVideo,
  height = 480,
}: PostsTableProps) => {
  const scrollRef = useRef<HTMLElement>(null);
  const virtualizer = useVirtualizer({
    count: rows.length,
    getScrollElement: () => scrollRef.current,
    estimateSize: () => ROW_HEIGHT,
    overscan: 10,
    initialRect: { width: 1000, height },
  });
  const items = virtualizer.getVirtualItems();
  const top = items[0]?.start ?? 0;
  const bottom = virtualizer.getTotalSize() - (items.at(-1)?.end ?? 0);
  const toggle = (column: SortColumn) =>
    onSort({
      column,
      direction: sort.column === column && sort.direction === "desc" ? "asc" : "desc",
    });

  return (
    <section
      ref={scrollRef}
      class="posts-scroll"
      aria-label="Posts"
      style={{ height: `${height}px`, overflow: "auto" }}
      // A scrolling region must take focus so the keyboard can scroll it (WCAG 2.1.1, axe's
      // scrollable-region-focusable): arrow keys and Page Up/Down then move through the posts.
      // biome-ignore lint/a11y/noNoninteractiveTabindex: a scrollable region, see above
      tabIndex={0}
    >
      <table class="posts" aria-rowcount={rows.length + 1} data-testid="posts-table">
        <caption>{rows.length.toLocaleString("en")} posts</caption>
        <thead>
          <tr aria-rowindex={1}>
            {COLUMNS.map((column) =>
              column.sortable ? (
                <th
                  key={column.key}
                  scope="col"
                  aria-sort={
                    sort.column === column.key
                      ? sort.direction === "asc"
                        ? "ascending"
                        : "descending"
                      : "none"
                  }
                >
                  <button type="button" onClick={() => toggle(column.key as SortColumn)}>
                    {column.label}
                    {sort.column === column.key ? (sort.direction === "asc" ? " ▲" : " ▼") : ""}
                  </button>
                </th>
              ) : (
                <th key={column.key} scope="col">
                  {column.label}
                </th>
              ),
            )}
          </tr>
        </thead>
        <tbody>
          {top > 0 && <tr class="spacer" style={{ height: `${top}px` }} />}
          {items.map((item) => {
            const row = rows[item.index];
            if (!row) return null;
            const hasVideo = videoPostIds?.has(row.id) ?? false;
            return (
              <tr key={row.id} aria-rowindex={item.index + 2} style={{ height: `${ROW_HEIGHT}px` }}>
                <td>{formatTime(row.createTime)}</td>
                <td>{row.author ?? "unknown"}</td>
                <td class="description" title={row.description}>
                  {row.description}
                </td>
                <td>{formatCount(row.likes)}</td>
                <td>{formatCount(row.plays)}</td>
                <td>{formatCount(row.comments)}</td>
                <td>{formatCount(row.shares)}</td>
                <td>
                  <a href={row.url} target="_blank" rel="noreferrer">
                    TikTok
                  </a>
                  {hasVideo && (
                    <>
                      {" · "}
                      <button
                        type="button"
                        class="link"
                        disabled={onOpenVideo === undefined}
                        title={
                          onOpenVideo === undefined
                            ? "Start the companion to play downloaded videos"
                            : undefined
                        }
                        aria-label={`Play the downloaded video of post ${row.id}`}
                        onClick={() => onOpenVideo?.(row)}
                      >
                        Video
                      </button>
                    </>
                  )}
                </td>
              </tr>
            );
          })}
          {bottom > 0 && <tr class="spacer" style={{ height: `${bottom}px` }} />}
        </tbody>
      </table>
    </section>
  );
};
