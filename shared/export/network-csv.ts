import type { CoHashtagNetwork } from "../analysis/co-hashtag-network.ts";
import { csvText } from "./csv.ts";

/** The network's edges as `source,target,weight` (Gephi's spreadsheet import, R, pandas). */
export const networkCsv = (network: CoHashtagNetwork): string =>
  csvText([
    ["source", "target", "weight"],
    ...network.edges.map((edge) => [edge.source, edge.target, edge.weight]),
  ]);
