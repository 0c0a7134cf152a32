import { useEffect, useMemo, useState } from "preact/hooks";
import {
  ENGAGEMENT_METRICS,
  type EngagementMetric,
  type EngagementPoint,
} from "../../../shared/analysis/engagement.ts";
import type { GrowthResponse, PostEngagementResponse } from "../../../shared/api/analysis.ts";
import { engagementChartConfig, formatSeenAt } from "../charts/engagement-chart.ts";
import { ChartCanvas } from "../components/chart-canvas.tsx";
import { HashtagNav } from "../components/hashtag-nav.tsx";
import { routeHash } from "../routing/hash-route.ts";
import { dateRangeFromDays } from "../selection/selection.ts";

/** The companion's answer when there were two collections to compare (`from`, `to`: ISO 8601). */
export type HashtagGrowth = Omit<GrowthResponse, "from" | "to"> & { from: string; to: string };

export interface GrowthQuery {
  metric: EngagementMetric;
  limit: number;
  /** ISO 8601; both or neither (the last two collections). */
  from?: string;
  to?: string;
}

/**
 * Where the statistics' history comes from: the companion's database. The mirror keeps only each post's latest
 * counts (history would multiply its size by the number of collections), so this page needs the companion.
 */
export interface EngagementSource {
  /** null when the hashtag has fewer than two finished collections to compare. */
  growth(hashtag: string, query: GrowthQuery): Promise<HashtagGrowth | null>;
  history(postId: string): Promise<PostEngagementResponse>;
}

interface EngagementViewProps {
  hashtag: string;
  /** The post whose history is shown. */
  postId?: string | undefined;
  /**
   * null while the companion is not running or this browser is not paired; "checking" until the page has first
   * asked (so a running companion is not announced as stopped for a moment).
   */
  source: EngagementSource | null | "checking";
}

interface Inputs {
  metric: EngagementMetric;
  limit: number;
  fromDay: string;
  toDay: string;
}

const DEFAULT_INPUTS: Inputs = { metric: "plays", limit: 20, fromDay: "", toDay: "" };
export const MAX_GROWTH_LIMIT = 200;

const count = (value: number | null): string => (value === null ? "–" : value.toLocaleString("en"));
const message = (reason: unknown) => (reason instanceof Error ? reason.message : String(reason));

type Load<T> = { state: "loading" } | { state: "done"; value: T } | { state: "failed"; error: string };

/** Runs `load` whenever its inputs change, keeping only the latest answer. */
const useLoad = <T,>(load: (() => Promise<T>) | null, deps: unknown[]): Load<T> | null => {
  const [result, setResult] = useState<Load<T> | null>(null);
  // `load` is rebuilt on every render; `deps` say when it asks something new.
  useEffect(() => {
    if (load === null) return setResult(null);
    let current = true;
    setResult({ state: "loading" });
    load().then(
      (value) => current && setResult({ state: "done", value }),
      (reason: unknown) => current && setResult({ state: "failed", error: message(reason) }),
    );
    return () => {
      current = false;
    };
  }, deps);
  return result;
};

const Controls = ({
  value,
  onChange,
  error,
}: {
  value: Inputs;
  onChange: (next: Inputs) => void;
  error: string | null;
}) => {
  const set = (patch: Partial<Inputs>) => onChange({ ...value, ...patch });
  return (
    <form class="selection" onSubmit={(event) => event.preventDefault()}>
      <label>
        Count
        <select
          value={value.metric}
          onChange={(event) => set({ metric: event.currentTarget.value as EngagementMetric })}
        >
          {ENGAGEMENT_METRICS.map((metric) => (
            <option key={metric} value={metric}>
              {metric}
            </option>
          ))}
        </select>
      </label>
      <label>
        Posts listed
        <input
          type="number"
          min={1}
          max={MAX_GROWTH_LIMIT}
          step={1}
          value={value.limit}
          onInput={(event) => {
            const limit = event.currentTarget.valueAsNumber;
            if (Number.isInteger(limit) && limit >= 1 && limit <= MAX_GROWTH_LIMIT) set({ limit });
          }}
        />
      </label>
      <label>
        Counts known on
        <input
          type="date"
          value={value.fromDay}
          onInput={(event) => set({ fromDay: event.currentTarget.value })}
        />
      </label>
      <label>
        against those known on
        <input
          type="date"
          value={value.toDay}
          onInput={(event) => set({ toDay: event.currentTarget.value })}
        />
      </label>
      <p role="alert" class="error">
        {error ?? ""}
      </p>
    </form>
  );
};

/** Both days or neither; the span runs from the start of the first to the end of the second, as the CLI's. */
const growthWindow = (
  inputs: Inputs,
): { ok: true; from?: string; to?: string } | { ok: false; error: string } => {
  if (inputs.fromDay === "" && inputs.toDay === "") return { ok: true };
  if (inputs.fromDay === "" || inputs.toDay === "")
    return { ok: false, error: "Give both days to compare, or neither for the last two collections" };
  const range = dateRangeFromDays(inputs.fromDay, inputs.toDay);
  if (!range.ok) return range;
  const iso = (seconds = 0) => new Date(seconds * 1000).toISOString();
  return { ok: true, from: iso(range.range.since), to: iso(range.range.until) };
};

const GrowthTable = ({ hashtag, growth }: { hashtag: string; growth: HashtagGrowth }) => (
  <table data-testid="growth-table">
    <caption>
      Fastest-growing posts by {growth.metric}, counts known at {formatSeenAt(growth.from)} against{" "}
      {formatSeenAt(growth.to)}
    </caption>
    <thead>
      <tr>
        <th scope="col">Post</th>
        <th scope="col">Author</th>
        <th scope="col">Description</th>
        <th scope="col">Before</th>
        <th scope="col">After</th>
        <th scope="col">Growth</th>
        <th scope="col">Relative</th>
        <th scope="col">Per day</th>
      </tr>
    </thead>
    <tbody>
      {growth.posts.map((row) => (
        <tr key={row.postId}>
          <td>
            <a href={routeHash({ page: "engagement", hashtag, postId: row.postId })}>{row.postId}</a>{" "}
            <a href={row.url} target="_blank" rel="noreferrer">
              TikTok
            </a>
          </td>
          <td>{row.author ?? "unknown"}</td>
          <td class="description" title={row.description}>
            {row.description.length > 80 ? `${row.description.slice(0, 80)}…` : row.description}
          </td>
          <td>{count(row.before.value)}</td>
          <td>{count(row.after.value)}</td>
          <td>{count(row.growth)}</td>
          <td>{row.relative === null ? "–" : `${(row.relative * 100).toFixed(1)}%`}</td>
          <td>{row.perDay === null ? "–" : row.perDay.toFixed(1)}</td>
        </tr>
      ))}
    </tbody>
  </table>
);

const HistoryTable = ({ points }: { points: EngagementPoint[] }) => (
  <table data-testid="history-table">
    <caption>Counts each time a collection saw them change</caption>
    <thead>
      <tr>
        <th scope="col">Seen</th>
        <th scope="col">Plays</th>
        <th scope="col">Likes</th>
        <th scope="col">Comments</th>
        <th scope="col">Shares</th>
      </tr>
    </thead>
    <tbody>
      {points.map((point) => (
        <tr key={point.seenAt}>
          <td>{formatSeenAt(point.seenAt)}</td>
          <td>{count(point.plays)}</td>
          <td>{count(point.likes)}</td>
          <td>{count(point.comments)}</td>
          <td>{count(point.shares)}</td>
        </tr>
      ))}
    </tbody>
  </table>
);

/** Which of a hashtag's posts gained most between two collections, and one post's counts over time. */
export const EngagementView = ({ hashtag, postId, source: given }: EngagementViewProps) => {
  const source = given === "checking" ? null : given;
  const [inputs, setInputs] = useState(DEFAULT_INPUTS);
  useEffect(() => setInputs(DEFAULT_INPUTS), [hashtag]);
  const span = useMemo(() => growthWindow(inputs), [inputs]);
  const growth = useLoad(
    source && span.ok
      ? () =>
          source.growth(hashtag, {
            metric: inputs.metric,
            limit: inputs.limit,
            ...(span.from ? { from: span.from, to: span.to } : {}),
          })
      : null,
    [source, hashtag, inputs.metric, inputs.limit, span],
  );
  const history = useLoad(source && postId ? () => source.history(postId) : null, [source, postId]);
  const chart = useMemo(
    () => (history?.state === "done" && postId ? engagementChartConfig(postId, history.value.points) : null),
    [history, postId],
  );
  const ready =
    growth !== null && growth.state !== "loading" && (history === null || history.state !== "loading");

  return (
    <main
      class="engagement-view"
      data-state={ready ? "ready" : "loading"}
      aria-busy={given === "checking" || (source !== null && !ready)}
    >
      <HashtagNav hashtag={hashtag} current="engagement" />
      <h1>#{hashtag}: engagement</h1>
      {given === "checking" ? (
        <p class="notice" role="status">
          Checking whether the companion is running…
        </p>
      ) : source === null ? (
        <p class="notice" role="status">
          The history of plays, likes, comments and shares is kept by the companion (this browser's copy holds
          only the latest counts), and the companion is not running or this browser is not paired. Start it
          with <code>npx tiktok-hashtag-analysis start</code>, pair this browser with the link it prints, and
          this page fills in.
        </p>
      ) : (
        <>
          {postId !== undefined && (
            <section aria-labelledby="history-heading">
              <h2 id="history-heading">Post {postId} over time</h2>
              <p>
                <a href={routeHash({ page: "engagement", hashtag })}>Close this post</a>
              </p>
              {history === null || history.state === "loading" ? (
                <p>Asking the companion…</p>
              ) : history.state === "failed" ? (
                <p role="alert" class="error">
                  Could not read the post's history: {history.error}
                </p>
              ) : (
                <>
                  {history.value.points.length < 2 && (
                    <p>Seen by one collection only: counts over time appear once it is collected again.</p>
                  )}
                  {chart && (
                    <ChartCanvas
                      config={chart}
                      label={`Plays, likes, comments and shares of post ${postId} over time`}
                      height={280}
                    />
                  )}
                  <HistoryTable points={history.value.points} />
                </>
              )}
            </section>
          )}
          <section aria-labelledby="growth-heading">
            <h2 id="growth-heading">Fastest-growing posts</h2>
            <Controls value={inputs} onChange={setInputs} error={span.ok ? null : span.error} />
            {growth === null || growth.state === "loading" ? (
              <p>Asking the companion…</p>
            ) : growth.state === "failed" ? (
              <p role="alert" class="error">
                Could not read the growth: {growth.error}
              </p>
            ) : growth.value === null ? (
              <p>
                #{hashtag} has fewer than two finished collections: collect it again to see which posts grow.
              </p>
            ) : growth.value.posts.length === 0 ? (
              <p>No post was seen by both collections.</p>
            ) : (
              <GrowthTable hashtag={hashtag} growth={growth.value} />
            )}
          </section>
        </>
      )}
    </main>
  );
};
