import { postsToCsv } from "../../../shared/export/post-csv.ts";
import { toZeeschuimerLine } from "../../../shared/export/zeeschuimer-ndjson.ts";
import type { DashboardPost } from "../analysis/analyse-hashtag.ts";
import { compareExportOrder, inDateRange, postMatcher, type Selection } from "../selection/selection.ts";

export const EXPORT_KINDS = ["csv", "ndjson"] as const;
export type ExportKind = (typeof EXPORT_KINDS)[number];

/** Excel reads a CSV without it as the local code page and mangles every non-ASCII hashtag. */
export const UTF8_BOM = "\uFEFF";

export const EXPORT_MEDIA_TYPES: Record<ExportKind | "png", string> = {
  csv: "text/csv;charset=utf-8",
  ndjson: "application/x-ndjson;charset=utf-8",
  png: "image/png",
};

/** The posts of the selection, in the CLI export's order. */
export const selectedPosts = (posts: readonly DashboardPost[], selection: Selection): DashboardPost[] => {
  const matches = postMatcher(selection.filter);
  return posts
    .filter((post) => inDateRange(post.createTime, selection.range) && matches(post))
    .sort(compareExportOrder);
};

/**
 * The selection as a file, written by the shared writers the CLI's `export` uses: CSV (4CAT's columns, formula
 * injection escaped, a BOM for Excel) or Zeeschuimer NDJSON (4CAT imports it). The dashboard keeps no raw input,
 * so NDJSON records are built from the Post model; `collectedAt` stands in for posts that do not say when.
 */
export const exportSelection = (
  posts: readonly DashboardPost[],
  selection: Selection,
  kind: ExportKind,
  collectedAt: string,
): string => {
  const selected = selectedPosts(posts, selection).map((post) => ({ ...post, raw: null }));
  if (kind === "csv") return UTF8_BOM + postsToCsv(selected);
  return selected
    .map((post) => toZeeschuimerLine(post, { hashtag: selection.hashtag, collectedAt }))
    .join("");
};

/** e.g. travel_2025-01-01_2025-01-31_filtered.csv: says what the file holds. */
export const exportFileName = (selection: Selection, extension: ExportKind | "png"): string => {
  const day = (seconds: number | undefined) =>
    seconds === undefined ? "" : new Date(seconds * 1000).toISOString().slice(0, 10);
  const { since, until } = selection.range;
  const range =
    since === undefined && until === undefined ? "" : `_${day(since) || "start"}_${day(until) || "end"}`;
  const filtered =
    selection.filter.text.trim() !== "" || selection.filter.coHashtag.trim() !== "" ? "_filtered" : "";
  return `${selection.hashtag}${range}${filtered}.${extension}`;
};
