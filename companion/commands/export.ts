import { type Command, Option } from "commander";
import { globalOptions } from "../cli/global-options.ts";
import { openStoreForCli } from "../cli/open-store.ts";
import { hashtagArgument, parseTimeRange } from "../cli/parse-arguments.ts";
import { createProgress, type Progress } from "../cli/progress.ts";
import { requirePosts } from "../cli/require-posts.ts";
import { UserError } from "../cli/user-error.ts";
import { writeChunks, writeFileAtomically } from "../cli/write-file.ts";
import { EXPORT_FORMATS, type ExportFormat, exportLines } from "../export/export-lines.ts";
import { checkExportTarget } from "../export/export-target.ts";
import { parquetChunks } from "../export/parquet-chunks.ts";
import { writeSeedLayout } from "../export/write-seed-layout.ts";
import type { CompanionStore, TimeRange } from "../store/post-store.ts";

/** Parquet is written in row groups rather than lines, so it is a format of the command, not of exportLines. */
const FORMATS = [...EXPORT_FORMATS, "parquet"] as const;

interface ExportOptions {
  format: ExportFormat | "parquet";
  layout?: "seed";
  since?: string;
  until?: string;
  out?: string;
  force?: boolean;
}

/** `--out -` is stdout, as is no --out at all. */
const toStdout = (options: ExportOptions): boolean => options.out === undefined || options.out === "-";

/** Writes the export where asked; returns how many posts (and, for the seed layout, videos) it wrote. */
const writeExport = async (
  store: CompanionStore,
  hashtag: string,
  options: ExportOptions,
  range: TimeRange,
  progress: Progress,
  file: string | null,
): Promise<{ posts: number; videos?: number }> => {
  if (options.layout === "seed" && options.out !== undefined)
    return writeSeedLayout(store, hashtag, options.out, range, () => progress.increment());
  let posts = 0;
  const counted = () => {
    posts++;
    progress.increment();
  };
  const lines =
    options.format === "parquet"
      ? parquetChunks(
          (function* () {
            for (const post of store.postsForHashtag(hashtag, range)) {
              counted();
              yield post;
            }
          })(),
        )
      : exportLines(store, hashtag, options.format, range, counted);
  if (file === null) await writeChunks(process.stdout, lines);
  else await writeFileAtomically(file, lines);
  return { posts };
};

export const registerExportCommand = (program: Command): void => {
  program
    .command("export")
    .description(
      "Export a hashtag's posts: Zeeschuimer NDJSON (4CAT imports it), 4CAT-style CSV, JSON, or Parquet",
    )
    .argument("<hashtag>", "the hashtag whose posts to export")
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
    .action(async (hashtagInput: string, options: ExportOptions, command: Command) => {
      const { dataDir, json } = globalOptions(command);
      const hashtag = hashtagArgument(hashtagInput);
      const range = parseTimeRange(options.since, options.until);
      if (options.format === "parquet" && toStdout(options) && process.stdout.isTTY === true)
        throw new UserError("Parquet is binary: write it to a file with --out <file> (or pipe it)");
      if (options.layout === "seed" && toStdout(options))
        throw new UserError("--layout seed writes a folder: give it with --out <folder>");
      // Checked before the store is even opened: a refused target leaves everything as it was.
      const file =
        toStdout(options) || options.layout === "seed"
          ? null
          : await checkExportTarget(options.out as string, { dataDir, force: options.force === true });
      const store = openStoreForCli(dataDir, "read");
      try {
        const total = requirePosts(store, hashtag, range);
        // Posts printed on a terminal would tangle with a bar drawn on the same terminal.
        const quiet = json || (toStdout(options) && process.stdout.isTTY === true);
        const progress = createProgress(`exporting #${hashtag}`, total, { json: quiet });
        const result = await writeExport(store, hashtag, options, range, progress, file).finally(() =>
          progress.stop(),
        );
        if (toStdout(options)) return;
        const summary = { hashtag, format: options.layout ?? options.format, out: options.out, ...result };
        if (json) await writeChunks(process.stdout, [`${JSON.stringify(summary)}\n`]);
        else process.stderr.write(`Exported ${result.posts} posts of #${hashtag} to ${options.out}\n`);
      } finally {
        store.close();
      }
    });
};
