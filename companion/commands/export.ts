import { type Command, Option } from "commander";
import { lazyAction } from "../cli/lazy-action.ts";
import { EXPORT_FORMATS } from "../export/export-formats.ts";

/** Parquet is written in row groups rather than lines, so it is a format of the command, not of exportLines. */
const FORMATS = [...EXPORT_FORMATS, "parquet"] as const;

export const registerExportCommand = (program: Command): void => {
  program
    .command("export")
    .description(
      "Export a hashtag's posts: Zeeschuimer NDJSON (4CAT imports it), 4CAT-style CSV, JSON, or Parquet",
    )
    .argument("[hashtag]", "the hashtag whose posts to export")
    .option(
      "--context <where>",
      "instead of a hashtag, the posts passive capture kept on a profile (@user), a search (search:<term>) or the For You feed (feed)",
    )
    .addOption(new Option("--format <format>", "output format").choices(FORMATS).default("ndjson"))
    .addOption(
      new Option(
        "--layout <layout>",
        "write the seed's folder layout into --out instead of one file",
      ).choices(["seed"]),
    )
    .option(
      "--since <date>",
      "only posts created on or after this date (YYYY-MM-DD, ISO 8601 or epoch seconds)",
    )
    .option("--until <date>", "only posts created on or before this date")
    .option(
      "--out <path>",
      "write to this file ('-' for stdout; with --layout seed, this folder) instead of stdout",
    )
    .option("--force", "replace the --out file if it exists")
    .action(lazyAction(async () => (await import("./export-action.ts")).exportAction));
};
