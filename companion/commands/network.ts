import { type Command, Option } from "commander";
import { DEFAULT_MIN_WEIGHT, DEFAULT_NETWORK_TOP } from "../../shared/analysis/co-hashtag-network.ts";
import { lazyAction } from "../cli/lazy-action.ts";

export const NETWORK_FORMATS = ["gexf", "graphml", "csv"] as const;
export type NetworkFormat = (typeof NETWORK_FORMATS)[number];

export const registerNetworkCommand = (program: Command): void => {
  program
    .command("network")
    .description("The co-hashtag network of a hashtag's posts for Gephi: GEXF, GraphML or a CSV edge list")
    .argument("<hashtag>", "the hashtag whose posts to analyse")
    .addOption(new Option("--format <format>", "file format").choices(NETWORK_FORMATS).default("gexf"))
    .option("--out <file>", "write to this file ('-' for stdout) instead of stdout")
    .option("--force", "replace the --out file if it exists")
    .option("--top <k>", "nodes kept, the hashtag itself included", String(DEFAULT_NETWORK_TOP))
    .option("--min-weight <w>", "leave out edges with fewer posts than this", String(DEFAULT_MIN_WEIGHT))
    .option(
      "--since <date>",
      "only posts created on or after this date (YYYY-MM-DD, ISO 8601 or epoch seconds)",
    )
    .option("--until <date>", "only posts created on or before this date")
    .action(lazyAction(async () => (await import("./network-action.ts")).networkAction));
};
