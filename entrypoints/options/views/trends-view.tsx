import { useEffect, useMemo, useState } from "preact/hooks";
import {
  defaultComparedPeriods,
  type HashtagTrends,
  type TagChange,
} from "../../../shared/analysis/hashtag-trends.ts";
import { trendsCsv } from "../../../shared/export/trends-csv.ts";
import type { Analyser } from "../analysis/analyser.ts";
import type { TrendsRequest } from "../analysis/network-and-trends.ts";
import { coHashtagShareChartConfig, postsPerPeriodChartConfig } from "../charts/trend-charts.ts";
import { ChartCanvas } from "../components/chart-canvas.tsx";
import { HashtagNav } from "../components/hashtag-nav.tsx";
import { TrendsControls, type TrendsInputs } from "../components/trends-controls.tsx";
import { saveFile } from "../export/save-file.ts";
import { UTF8_BOM } from "../export/selection-export.ts";
import { routeHash } from "../routing/hash-route.ts";
import { dateRangeFromDays } from "../selection/selection.ts";

interface TrendsViewProps {
  hashtag: string;
  analyser: Analyser;
  /** Changes whenever the mirror holds new posts, so the view counts again. */
  version: string;
}

export const DEFAULT_TRENDS_INPUTS: TrendsInputs = {
  period: "week",
  top: 5,
  sinceDay: "",
  untilDay: "",
  before: "",
  after: "",
};

/** A share as the page shows it: one decimal of a percent. */
export const percent = (share: number | null): string =>
  share === null ? "–" : `${(share * 100).toFixed(1)}%`;

/** A change of share in percentage points, signed. */
const points = (change: number): string => `${change > 0 ? "+" : ""}${(change * 100).toFixed(1)} points`;

const ChangeTable = ({
  hashtag,
  caption,
  changes,
  testId,
}: {
  hashtag: string;
  caption: string;
  changes: TagChange[];
  testId: string;
}) =>
  changes.length === 0 ? (
    <p>{caption}: none.</p>
  ) : (
    <table data-testid={testId}>
      <caption>{caption}</caption>
      <thead>
        <tr>
          <th scope="col">Hashtag</th>
          <th scope="col">Before</th>
          <th scope="col">After</th>
          <th scope="col">Change</th>
        </tr>
      </thead>
      <tbody>
        {changes.map((change) => (
          <tr key={change.hashtag}>
            <td>
              <a href={routeHash({ page: "hashtag", hashtag, coHashtag: change.hashtag })}>
                #{change.hashtag}
              </a>
            </td>
            <td>
              {change.before.posts} ({percent(change.before.share)})
            </td>
            <td>
              {change.after.posts} ({percent(change.after.share)})
            </td>
            <td>{points(change.change)}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );

const PeriodTable = ({ trends }: { trends: HashtagTrends }) => (
  <table data-testid="trends-table" class="trends">
    <caption>
      {trends.totalPosts} dated posts of #{trends.hashtag} per {trends.period}: posts carrying each co-hashtag
      (share)
    </caption>
    <thead>
      <tr>
        <th scope="col">{trends.period === "day" ? "Day" : "Week from"}</th>
        <th scope="col">Posts</th>
        {trends.tags.map((tag) => (
          <th key={tag.hashtag} scope="col">
            #{tag.hashtag}
          </th>
        ))}
      </tr>
    </thead>
    <tbody>
      {trends.periods.map((period, index) => (
        <tr key={period.start}>
          <td>{period.start}</td>
          <td>{period.posts}</td>
          {trends.tags.map((tag) => (
            <td key={tag.hashtag}>
              {tag.counts[index] ?? 0} ({percent(tag.shares[index] ?? null)})
            </td>
          ))}
        </tr>
      ))}
    </tbody>
  </table>
);

/** A hashtag over time: posts per day or week, its top co-hashtags' shares, which rose and which fell. */
export const TrendsView = ({ hashtag, analyser, version }: TrendsViewProps) => {
  const [inputs, setInputs] = useState(DEFAULT_TRENDS_INPUTS);
  const [result, setResult] = useState<{ key: string; trends: HashtagTrends } | null>(null);
  const [error, setError] = useState<string | null>(null);

  useEffect(() => setInputs(DEFAULT_TRENDS_INPUTS), [hashtag]);

  const range = useMemo(
    () => dateRangeFromDays(inputs.sinceDay, inputs.untilDay),
    [inputs.sinceDay, inputs.untilDay],
  );
  const shown = result?.trends.hashtag === hashtag ? result.trends : null;
  // A comparison names both periods; one chosen alone is paired with the default for the other. Plain strings,
  // so a new result with the same periods does not make a new request.
  const fallback = shown && (inputs.before || inputs.after) ? defaultComparedPeriods(shown.periods) : null;
  const before = inputs.before || fallback?.before || "";
  const after = inputs.after || fallback?.after || "";
  const request = useMemo<TrendsRequest | null>(
    () =>
      range.ok
        ? {
            hashtag,
            range: range.range,
            period: inputs.period,
            top: inputs.top,
            ...(before && after ? { compare: { before, after } } : {}),
          }
        : null,
    [hashtag, range, inputs.period, inputs.top, before, after],
  );
  const key = JSON.stringify([request, version]);

  useEffect(() => {
    if (request === null) return;
    let current = true;
    analyser
      .trends(request, version)
      .then((trends) => {
        if (!current) return;
        setResult({ key, trends });
        setError(null);
      })
      .catch((reason: unknown) => current && setError(`Could not count the trends: ${String(reason)}`));
    return () => {
      current = false;
    };
  }, [analyser, request, version, key]);

  const ready = shown !== null && result?.key === key;
  const periodChart = useMemo(() => (shown ? postsPerPeriodChartConfig(shown) : null), [shown]);
  const shareChart = useMemo(() => (shown ? coHashtagShareChartConfig(shown) : null), [shown]);

  const download = () => {
    if (shown === null) return;
    const name = [hashtag, "trends", shown.period, inputs.sinceDay, inputs.untilDay]
      .filter(Boolean)
      .join("_");
    saveFile(new Blob([UTF8_BOM + trendsCsv(shown)], { type: "text/csv;charset=utf-8" }), `${name}.csv`);
  };

  const comparison = shown?.comparison ?? null;
  return (
    <main class="trends-view" data-state={ready ? "ready" : "loading"} aria-busy={!ready}>
      <HashtagNav hashtag={hashtag} current="trends" />
      <h1>#{hashtag}: trends</h1>
      <TrendsControls
        value={inputs}
        onChange={setInputs}
        periods={shown?.periods ?? []}
        error={range.ok ? error : range.error}
      />
      {shown === null ? (
        <p>Counting…</p>
      ) : shown.periods.length === 0 ? (
        <p>
          No dated posts of #{hashtag} in the mirror for this date range. Collect some, or widen the range.
        </p>
      ) : (
        <>
          <section aria-labelledby="periods-heading">
            <h2 id="periods-heading">Posts per {shown.period}</h2>
            {periodChart && (
              <ChartCanvas
                config={periodChart}
                label={`Posts of #${hashtag} per ${shown.period}`}
                height={240}
              />
            )}
          </section>
          <section aria-labelledby="shares-heading">
            <h2 id="shares-heading">Top co-hashtags' share</h2>
            {shareChart && (
              <ChartCanvas
                config={shareChart}
                label={`Share of #${hashtag} posts per ${shown.period} carrying each of its ${shown.tags.length} most frequent co-hashtags`}
                height={300}
              />
            )}
          </section>
          <section aria-labelledby="changes-heading">
            <h2 id="changes-heading">Rising and falling</h2>
            {comparison === null ? (
              <p>Only one {shown.period} has posts: there is nothing to compare yet.</p>
            ) : (
              <>
                <p>
                  {shown.period === "day" ? "Day" : "Week from"} {comparison.before.start} (
                  {comparison.before.posts} posts) against {comparison.after.start} ({comparison.after.posts}{" "}
                  posts): each co-hashtag's share of the posts, with the counts behind it.
                </p>
                <div class="changes">
                  <ChangeTable
                    hashtag={hashtag}
                    caption="Rising"
                    changes={comparison.rising}
                    testId="rising"
                  />
                  <ChangeTable
                    hashtag={hashtag}
                    caption="Falling"
                    changes={comparison.falling}
                    testId="falling"
                  />
                </div>
              </>
            )}
          </section>
          <section aria-labelledby="table-heading">
            <h2 id="table-heading">Table</h2>
            <div class="exports">
              <button type="button" onClick={download}>
                Download CSV
              </button>
            </div>
            <div class="table-scroll">
              <PeriodTable trends={shown} />
            </div>
          </section>
        </>
      )}
    </main>
  );
};
