import { useEffect, useMemo, useRef, useState } from "preact/hooks";
import { coOccurrenceChartConfig } from "../../../shared/analysis/co-occurrence-chart.ts";
import { DEFAULT_TOP_N } from "../../../shared/analysis/hashtag-frequencies.ts";
import {
  DEFAULT_SORT,
  type HashtagCounts,
  type PostRow,
  type PostSort,
} from "../analysis/analyse-hashtag.ts";
import type { Analyser } from "../analysis/analyser.ts";
import { postsPerDayChartConfig } from "../charts/posts-per-day-chart.ts";
import { ChartCanvas } from "../components/chart-canvas.tsx";
import { FrequencyTableView } from "../components/frequency-table.tsx";
import { HashtagNav } from "../components/hashtag-nav.tsx";
import { PostsTable } from "../components/posts-table.tsx";
import { SelectionForm, type SelectionInputs } from "../components/selection-form.tsx";
import { canvasPng, saveFile } from "../export/save-file.ts";
import { EXPORT_MEDIA_TYPES, type ExportKind, exportFileName } from "../export/selection-export.ts";
import { dateRangeFromDays, NO_FILTER, type Selection } from "../selection/selection.ts";

interface HashtagViewProps {
  hashtag: string;
  /** Start with the posts table filtered to posts carrying this hashtag too (a network node's link). */
  coHashtag?: string | undefined;
  analyser: Analyser;
  /** Changes whenever the mirror holds new posts, so the view counts again. */
  version: string;
  videoPostIds?: ReadonlySet<string>;
  /** Opens a downloaded video; absent while the companion is not running. */
  openVideo?: (postId: string) => Promise<void>;
}

/** Typing in a filter re-counts after a pause, not on every key. */
const TYPING_PAUSE_MS = 200;

const initialInputs: SelectionInputs = {
  n: DEFAULT_TOP_N,
  sinceDay: "",
  untilDay: "",
  text: "",
  coHashtag: "",
};

const chartHeight = (bars: number): number => Math.max(220, 90 + bars * 26);

/** A hashtag's page: co-occurring hashtags (chart and the seed's table), posts over time, posts, exports. */
export const HashtagView = ({
  hashtag,
  coHashtag = "",
  analyser,
  version,
  videoPostIds,
  openVideo,
}: HashtagViewProps) => {
  const startInputs = useMemo(() => ({ ...initialInputs, coHashtag }), [coHashtag]);
  const [inputs, setInputs] = useState(startInputs);
  const [applied, setApplied] = useState(startInputs);
  const [sort, setSort] = useState<PostSort>(DEFAULT_SORT);
  const [counts, setCounts] = useState<HashtagCounts | null>(null);
  const [rows, setRows] = useState<PostRow[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [exportError, setExportError] = useState<string | null>(null);
  const chartRef = useRef<HTMLCanvasElement>(null);

  useEffect(() => {
    setInputs(startInputs);
    setApplied(startInputs);
    setCounts(null);
    setRows(null);
  }, [hashtag, startInputs]);

  useEffect(() => {
    const typed = inputs.text !== applied.text || inputs.coHashtag !== applied.coHashtag;
    const timer = setTimeout(() => setApplied(inputs), typed ? TYPING_PAUSE_MS : 0);
    return () => clearTimeout(timer);
  }, [inputs, applied]);

  const range = useMemo(() => dateRangeFromDays(applied.sinceDay, applied.untilDay), [applied]);
  const selection = useMemo<Selection | null>(
    () =>
      range.ok
        ? { hashtag, range: range.range, filter: { text: applied.text, coHashtag: applied.coHashtag } }
        : null,
    [hashtag, range, applied],
  );

  // Counts first, so the chart and the table are drawn before the posts table's (much larger) read.
  const rangeSelection = useMemo(
    () => (range.ok ? { hashtag, range: range.range, filter: NO_FILTER } : null),
    [hashtag, range],
  );
  useEffect(() => {
    if (rangeSelection === null) return;
    let current = true;
    analyser
      .count({ selection: rangeSelection, n: applied.n }, version)
      .then((result) => {
        if (!current) return;
        setCounts(result);
        setError(null);
      })
      .catch((reason: unknown) => current && setError(`Could not count the posts: ${String(reason)}`));
    return () => {
      current = false;
    };
  }, [analyser, rangeSelection, applied.n, version]);

  useEffect(() => {
    if (selection === null || counts === null) return;
    let current = true;
    analyser
      .list({ selection, sort }, version)
      .then((result) => current && setRows(result))
      .catch((reason: unknown) => current && setError(`Could not read the posts: ${String(reason)}`));
    return () => {
      current = false;
    };
  }, [analyser, selection, sort, version, counts === null]);

  const frequencyChart = useMemo(
    () => (counts ? coOccurrenceChartConfig(counts.table, { responsive: true }) : null),
    [counts],
  );
  const dayChart = useMemo(
    () => (counts ? postsPerDayChartConfig(hashtag, counts.perDay) : null),
    [hashtag, counts],
  );

  const download = async (kind: ExportKind | "png") => {
    if (selection === null) return;
    setExportError(null);
    try {
      if (kind === "png") {
        if (!chartRef.current) throw new Error("The chart is not drawn yet");
        saveFile(await canvasPng(chartRef.current), exportFileName(selection, "png"));
        return;
      }
      const text = await analyser.exportSelection(selection, kind, new Date().toISOString(), version);
      saveFile(new Blob([text], { type: EXPORT_MEDIA_TYPES[kind] }), exportFileName(selection, kind));
    } catch (reason) {
      setExportError(`Export failed: ${reason instanceof Error ? reason.message : String(reason)}`);
    }
  };

  const ready = counts !== null && counts.table.hashtag === hashtag;
  return (
    <main class="hashtag-view" data-state={ready ? "ready" : "loading"} aria-busy={!ready}>
      <HashtagNav hashtag={hashtag} current="hashtag" />
      <h1>#{hashtag}</h1>
      <SelectionForm
        value={inputs}
        onChange={setInputs}
        suggestions={counts?.table.rows.slice(1).map((row) => row.hashtag) ?? []}
        error={range.ok ? error : range.error}
      />
      {!ready ? (
        <p>Counting…</p>
      ) : counts.table.totalPosts === 0 ? (
        <p>No posts of #{hashtag} in the mirror for this date range. Collect some, or widen the range.</p>
      ) : (
        <>
          <section aria-labelledby="co-heading">
            <h2 id="co-heading">Co-occurring hashtags</h2>
            {frequencyChart && (
              <ChartCanvas
                config={frequencyChart}
                label={`Bar chart of the hashtags most often used with #${hashtag}`}
                height={chartHeight(counts.table.rows.length - 1)}
                canvasRef={chartRef}
              />
            )}
            <FrequencyTableView table={counts.table} />
          </section>
          <section aria-labelledby="time-heading">
            <h2 id="time-heading">Posts over time</h2>
            {dayChart && (
              <ChartCanvas config={dayChart} label={`Posts of #${hashtag} per day`} height={240} />
            )}
          </section>
          <section aria-labelledby="posts-heading">
            <h2 id="posts-heading">Posts</h2>
            {rows === null ? (
              <p>Reading the posts…</p>
            ) : (
              <PostsTable
                rows={rows}
                sort={sort}
                onSort={setSort}
                videoPostIds={videoPostIds}
                onOpenVideo={
                  openVideo &&
                  ((row) =>
                    openVideo(row.id).catch((reason: unknown) =>
                      setExportError(reason instanceof Error ? reason.message : String(reason)),
                    ))
                }
              />
            )}
          </section>
        </>
      )}
      <section aria-labelledby="export-heading">
        <h2 id="export-heading">Export the selection</h2>
        <div class="exports">
          <button type="button" disabled={!ready} onClick={() => download("csv")}>
            Download CSV
          </button>
          <button type="button" disabled={!ready} onClick={() => download("ndjson")}>
            Download NDJSON (4CAT)
          </button>
          <button type="button" disabled={!ready} onClick={() => download("png")}>
            Save chart as PNG
          </button>
        </div>
        <p role="alert" class="error">
          {exportError ?? ""}
        </p>
      </section>
    </main>
  );
};
