import { type FrequencyTable, hashtagFrequencies } from "../../../shared/analysis/hashtag-frequencies.ts";
import { type PostsPerDay, postsPerDay } from "../../../shared/analysis/posts-per-day.ts";
import { type Post, tiktokPostUrl } from "../../../shared/post/post.ts";
import { inDateRange, postMatcher, type Selection } from "../selection/selection.ts";

/** A hashtag's posts as the dashboard keeps them: the Post model without the raw input. */
export type DashboardPost = Omit<Post, "raw">;

export const SORT_COLUMNS = ["createTime", "author", "likes", "plays", "comments", "shares"] as const;
export type SortColumn = (typeof SORT_COLUMNS)[number];

export interface PostSort {
  column: SortColumn;
  direction: "asc" | "desc";
}

export const DEFAULT_SORT: PostSort = { column: "createTime", direction: "desc" };

export interface AnalysisRequest {
  selection: Selection;
  /** Rows of the frequency table, the hashtag itself included. */
  n: number;
  sort: PostSort;
}

/** One line of the posts table: what it shows, small enough to send from the worker by the hundred thousand. */
export interface PostRow {
  id: string;
  createTime: number | null;
  author: string | null;
  description: string;
  hashtags: string[];
  likes: number | null;
  plays: number | null;
  comments: number | null;
  shares: number | null;
  url: string;
}

/** What counting needs of a post: the mirror's links carry just this, so 100k posts count without loading them. */
export type CountablePost = Pick<Post, "id" | "createTime" | "hashtags">;

export interface HashtagCounts {
  /** The CLI's `frequencies` table for the hashtag within the date range. */
  table: FrequencyTable;
  /** Posts per day within the date range. */
  perDay: PostsPerDay;
}

const toRow = (post: DashboardPost): PostRow => ({
  id: post.id,
  createTime: post.createTime,
  author: post.author.uniqueId,
  description: post.description,
  hashtags: post.hashtags,
  likes: post.stats.likes,
  plays: post.stats.plays,
  comments: post.stats.comments,
  shares: post.stats.shares,
  url: tiktokPostUrl(post),
});

const sortValue = (row: PostRow, column: SortColumn): number | string | null =>
  column === "author" ? (row.author?.toLowerCase() ?? null) : row[column];

/** Unknown values go last whichever the direction: "no data" is never the biggest or the smallest. */
export const comparePostRows = (sort: PostSort): ((a: PostRow, b: PostRow) => number) => {
  const sign = sort.direction === "asc" ? 1 : -1;
  return (a, b) => {
    const valueA = sortValue(a, sort.column);
    const valueB = sortValue(b, sort.column);
    if (valueA === null || valueB === null) {
      if (valueA !== valueB) return valueA === null ? 1 : -1;
    } else if (valueA !== valueB) {
      return (valueA < valueB ? -1 : 1) * sign;
    }
    return (a.id < b.id ? -1 : a.id > b.id ? 1 : 0) * sign;
  };
};

/**
 * The co-occurrence table and posts per day of the hashtag's posts within the date range: the shared code the
 * CLI runs, so the numbers are the same. The text and hashtag filters narrow the posts table, not these.
 */
export const countHashtag = (
  posts: readonly CountablePost[],
  request: Pick<AnalysisRequest, "selection" | "n">,
): HashtagCounts => {
  const { selection, n } = request;
  const inRange = posts.filter((post) => inDateRange(post.createTime, selection.range));
  return { table: hashtagFrequencies(inRange, selection.hashtag, n), perDay: postsPerDay(inRange) };
};

/** The posts within the date range that pass the filter, as table rows in the requested order. */
export const listPosts = (
  posts: readonly DashboardPost[],
  request: Pick<AnalysisRequest, "selection" | "sort">,
): PostRow[] => {
  const { selection, sort } = request;
  const matches = postMatcher(selection.filter);
  return posts
    .filter((post) => inDateRange(post.createTime, selection.range) && matches(post))
    .map(toRow)
    .sort(comparePostRows(sort));
};
