import type { Command } from "commander";
import { networkCsv } from "../../shared/export/network-csv.ts";
import { globalOptions } from "../cli/global-options.ts";
import { openStoreForCli } from "../cli/open-store.ts";
import { hashtagArgument, parseTimeRange, positiveInteger } from "../cli/parse-arguments.ts";
import { requirePosts } from "../cli/require-posts.ts";
import { UserError } from "../cli/user-error.ts";
import { outputFile, writeOutput } from "../cli/write-output.ts";
import { storedNetwork } from "../store/hashtag-analyses.ts";
import type { NetworkFormat } from "./network.ts";

interface NetworkCommandOptions {
  format: NetworkFormat;
  out?: string;
  force?: boolean;
  top: string;
  minWeight: string;
  since?: string;
  until?: string;
}

// The XML writers pull in graphology and xmlbuilder2: loaded only when asked for, so every other command starts fast.
const WRITERS = {
  gexf: async () => (await import("../../shared/export/network-gexf.ts")).networkGexf,
  graphml: async () => (await import("../../shared/export/network-graphml.ts")).networkGraphml,
  csv: async () => networkCsv,
} as const;

/** `network`: the co-hashtag network written as GEXF, GraphML or CSV, or as JSON. */
export const networkAction = async (
  hashtagInput: string,
  options: NetworkCommandOptions,
  command: Command,
) => {
  const { dataDir, json } = globalOptions(command);
  const hashtag = hashtagArgument(hashtagInput);
  const top = positiveInteger("--top", options.top);
  const minWeight = positiveInteger("--min-weight", options.minWeight);
  const range = parseTimeRange(options.since, options.until);
  const file = await outputFile(options.out, { dataDir, force: options.force });
  const store = openStoreForCli(dataDir, "read");
  let network: ReturnType<typeof storedNetwork>;
  try {
    requirePosts(store, hashtag, range);
    network = storedNetwork(store, hashtag, { top, minWeight, range });
  } finally {
    store.close();
  }
  // --json without --out: the network itself; with --out: the file in the format asked, and a summary.
  if (json && file === null) return writeOutput(null, [`${JSON.stringify(network)}\n`]);
  let text: string;
  try {
    text = (await WRITERS[options.format]())(network);
  } catch (error) {
    throw new UserError((error as Error).message);
  }
  await writeOutput(file, [text]);
  if (file === null) return;
  const summary = {
    hashtag,
    format: options.format,
    out: options.out,
    nodes: network.nodes.length,
    edges: network.edges.length,
  };
  if (json) await writeOutput(null, [`${JSON.stringify(summary)}\n`]);
  else
    process.stderr.write(
      `Wrote the network of #${hashtag} (${summary.nodes} hashtags, ${summary.edges} edges, ${network.totalPosts} posts) to ${options.out}\n`,
    );
};
