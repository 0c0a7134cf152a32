import type { Command } from "commander";
import { DEFAULT_TOP_N } from "../../shared/analysis/hashtag-frequencies.ts";
import { lazyAction } from "../cli/lazy-action.ts";

export const registerFrequenciesCommand = (program: Command): void => {
  program
    .command("frequencies")
    .description("Show the hashtags that co-occur with a hashtag: the seed's table (-d) and bar chart (-p)")
    .argument("[hashtag]", "the hashtag whose posts to analyse")
    .argument("[n]", `rows to show, the hashtag itself included (default ${DEFAULT_TOP_N})`)
    .option("-d, --table", "print the frequency table (the default when -p is not given)")
    .option("-p, --plot", "save a PNG bar chart under <data-dir>/<hashtag>/plots/")
    .option("-n, --number <n>", "same as [n]")
    .option("--file <file>", "analyse every hashtag listed in this file (one per line or comma-separated)")
    .option(
      "--since <date>",
      "only posts created on or after this date (YYYY-MM-DD, ISO 8601 or epoch seconds)",
    )
    .option("--until <date>", "only posts created on or before this date")
    .option("--out <file>", "write the plot there (with -p), or else the table")
    .action(lazyAction(async () => (await import("./frequencies-action.ts")).frequenciesAction));
};
