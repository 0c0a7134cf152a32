import { useEffect, useMemo, useState } from "preact/hooks";
import { networkCsv } from "../../../shared/export/network-csv.ts";
import { networkGexf } from "../../../shared/export/network-gexf.ts";
import type { Analyser } from "../analysis/analyser.ts";
import type { NetworkRequest } from "../analysis/network-and-trends.ts";
import type { NetworkDrawing } from "../analysis/network-layout.ts";
import { HashtagNav } from "../components/hashtag-nav.tsx";
import { NetworkControls, type NetworkInputs } from "../components/network-controls.tsx";
import { NetworkGraphView } from "../components/network-graph.tsx";
import { saveFile } from "../export/save-file.ts";
import { UTF8_BOM } from "../export/selection-export.ts";
import { routeHash } from "../routing/hash-route.ts";
import { dateRangeFromDays } from "../selection/selection.ts";

interface NetworkViewProps {
  hashtag: string;
  analyser: Analyser;
  /** Changes whenever the mirror holds new posts, so the view counts again. */
  version: string;
  /** Goes to an address (the posts table filtered by a clicked node); the page's own location by default. */
  navigate?: (hash: string) => void;
}

/**
 * Fewer than the CLI's defaults (100 hashtags, every link): a hundred nodes joined by every co-occurrence draw as a
 * hairball. Both can be raised, and the downloads follow what is shown.
 */
export const DEFAULT_NETWORK_INPUTS: NetworkInputs = { top: 50, minWeight: 2, sinceDay: "", untilDay: "" };

/** Links listed under the picture, heaviest first; the downloads hold them all. */
const LISTED_LINKS = 30;

/** Where a node leads: the hashtag's posts table, filtered to posts that carry the node's hashtag too. */
export const nodeHash = (hashtag: string, node: string): string =>
  routeHash(node === hashtag ? { page: "hashtag", hashtag } : { page: "hashtag", hashtag, coHashtag: node });

const fileStem = (request: NetworkRequest, inputs: NetworkInputs): string =>
  [
    request.hashtag,
    "network",
    `top${request.top}`,
    `min${request.minWeight}`,
    ...(inputs.sinceDay ? [`from${inputs.sinceDay}`] : []),
    ...(inputs.untilDay ? [`to${inputs.untilDay}`] : []),
  ].join("_");

/** A hashtag's co-hashtag network: the picture, its nodes and strongest links as tables, GEXF and CSV downloads. */
export const NetworkView = ({ hashtag, analyser, version, navigate }: NetworkViewProps) => {
  const [inputs, setInputs] = useState(DEFAULT_NETWORK_INPUTS);
  const [result, setResult] = useState<{ key: string; drawing: NetworkDrawing } | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [exportError, setExportError] = useState<string | null>(null);

  useEffect(() => setInputs(DEFAULT_NETWORK_INPUTS), [hashtag]);

  const range = useMemo(
    () => dateRangeFromDays(inputs.sinceDay, inputs.untilDay),
    [inputs.sinceDay, inputs.untilDay],
  );
  const request = useMemo<NetworkRequest | null>(
    () => (range.ok ? { hashtag, range: range.range, top: inputs.top, minWeight: inputs.minWeight } : null),
    [hashtag, range, inputs.top, inputs.minWeight],
  );
  const key = JSON.stringify([request, version]);

  useEffect(() => {
    if (request === null) return;
    let current = true;
    analyser
      .network(request, version)
      .then((drawing) => {
        if (!current) return;
        setResult({ key, drawing });
        setError(null);
      })
      .catch((reason: unknown) => current && setError(`Could not count the network: ${String(reason)}`));
    return () => {
      current = false;
    };
  }, [analyser, request, version, key]);

  const go = navigate ?? ((hash: string) => location.assign(hash));
  const drawing = result?.drawing.hashtag === hashtag ? result.drawing : null;
  const ready = drawing !== null && result?.key === key;
  const degree = useMemo(() => {
    const links = new Map<string, number>();
    for (const edge of drawing?.edges ?? [])
      for (const end of [edge.source, edge.target]) links.set(end, (links.get(end) ?? 0) + 1);
    return links;
  }, [drawing]);

  const download = (kind: "gexf" | "csv") => {
    if (drawing === null || request === null) return;
    setExportError(null);
    try {
      // The CSV gets a BOM, as the posts' CSV does, so Excel reads non-Latin hashtags right.
      const text = kind === "gexf" ? networkGexf(drawing) : UTF8_BOM + networkCsv(drawing);
      const type = kind === "gexf" ? "application/gexf+xml" : "text/csv;charset=utf-8";
      saveFile(new Blob([text], { type }), `${fileStem(request, inputs)}.${kind}`);
    } catch (reason) {
      // GEXF is XML, which cannot carry every character a hashtag may hold; the CSV can.
      setExportError(
        `${kind.toUpperCase()} export failed: ${reason instanceof Error ? reason.message : String(reason)}`,
      );
    }
  };

  return (
    <main class="network-view" data-state={ready ? "ready" : "loading"} aria-busy={!ready}>
      <HashtagNav hashtag={hashtag} current="network" />
      <h1>#{hashtag}: co-hashtag network</h1>
      <p>
        Hashtags used in the same posts as #{hashtag}: a node's size is its number of posts, a link's
        thickness (and number) how many posts carry both. Drag a node to move it; click one, or a hashtag in
        the table, to see the posts that carry it.
      </p>
      <NetworkControls value={inputs} onChange={setInputs} error={range.ok ? error : range.error} />
      {drawing === null ? (
        <p>Counting…</p>
      ) : drawing.totalPosts === 0 ? (
        <p>No posts of #{hashtag} in the mirror for this date range. Collect some, or widen the range.</p>
      ) : (
        <>
          <NetworkGraphView
            drawing={drawing}
            height={560}
            label={`Network of the ${drawing.nodes.length} hashtags most used with #${hashtag} and the ${drawing.edges.length} links between them`}
            onChoose={(node) => go(nodeHash(hashtag, node))}
          />
          <div class="exports">
            <button type="button" onClick={() => download("gexf")}>
              Download GEXF (Gephi)
            </button>
            <button type="button" onClick={() => download("csv")}>
              Download links as CSV
            </button>
          </div>
          <p role="alert" class="error">
            {exportError ?? ""}
          </p>
          <section aria-labelledby="nodes-heading">
            <h2 id="nodes-heading">Hashtags in the network</h2>
            <table data-testid="network-nodes">
              <caption>
                {drawing.nodes.length} hashtags of {drawing.totalPosts} posts; a hashtag opens its posts
              </caption>
              <thead>
                <tr>
                  <th scope="col">Rank</th>
                  <th scope="col">Hashtag</th>
                  <th scope="col">Posts</th>
                  <th scope="col">Links</th>
                </tr>
              </thead>
              <tbody>
                {drawing.nodes.map((node, rank) => (
                  <tr key={node.hashtag}>
                    <td>{rank}</td>
                    <td>
                      <a href={nodeHash(hashtag, node.hashtag)}>#{node.hashtag}</a>
                    </td>
                    <td>{node.posts}</td>
                    <td>{degree.get(node.hashtag) ?? 0}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </section>
          <section aria-labelledby="links-heading">
            <h2 id="links-heading">Strongest links</h2>
            <table data-testid="network-links">
              <caption>
                {Math.min(LISTED_LINKS, drawing.edges.length)} of {drawing.edges.length} links with at least{" "}
                {inputs.minWeight} posts
              </caption>
              <thead>
                <tr>
                  <th scope="col">Hashtag</th>
                  <th scope="col">Hashtag</th>
                  <th scope="col">Posts with both</th>
                </tr>
              </thead>
              <tbody>
                {drawing.edges.slice(0, LISTED_LINKS).map((edge) => (
                  <tr key={`${edge.source} ${edge.target}`}>
                    <td>#{edge.source}</td>
                    <td>#{edge.target}</td>
                    <td>{edge.weight}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </section>
        </>
      )}
    </main>
  );
};
