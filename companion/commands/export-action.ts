import type { Command } from "commander";
import { type CaptureContext, contextLabel, parseContextLabel } from "../../shared/api/contract.ts";
import { globalOptions } from "../cli/global-options.ts";
import { openStoreForCli } from "../cli/open-store.ts";
import { hashtagArgument, parseTimeRange } from "../cli/parse-arguments.ts";
import { createProgress, type Progress } from "../cli/progress.ts";
import { requirePosts } from "../cli/require-posts.ts";
import { UserError } from "../cli/user-error.ts";
import { writeChunks, writeFileAtomically } from "../cli/write-file.ts";
import { batchLines } from "../export/batch-lines.ts";
import type { ExportFormat } from "../export/export-formats.ts";
import { contextExportLines, exportLines } from "../export/export-lines.ts";
import { checkExportTarget } from "../export/export-target.ts";
import { writeSeedLayout } from "../export/write-seed-layout.ts";
import type { CompanionStore, TimeRange } from "../store/post-store.ts";

interface ExportOptions {
  format: ExportFormat | "parquet";
  layout?: "seed";
  since?: string;
  until?: string;
  out?: string;
  force?: boolean;
  context?: string;
}

/** What to export: a hashtag's posts, or the posts passive capture kept for a profile, a search or the feed. */
type Selection = { hashtag: string } | { context: CaptureContext };

const describeSelection = (selection: Selection): string =>
  "hashtag" in selection ? `#${selection.hashtag}` : contextLabel(selection.context);

const selectionOf = (hashtagInput: string | undefined, options: ExportOptions): Selection => {
  if (options.context === undefined) {
    if (hashtagInput === undefined)
      throw new UserError("Give a hashtag to export, or --context @user|search:<term>|feed");
    return { hashtag: hashtagArgument(hashtagInput) };
  }
  if (hashtagInput !== undefined) throw new UserError("Give a hashtag or --context, not both");
  const parsed = parseContextLabel(options.context);
  if (!parsed.ok) throw new UserError(`--context ${parsed.error}`);
  if (options.layout === "seed")
    throw new UserError("--layout seed is the layout of a hashtag's folder, not of --context");
  if (options.since !== undefined || options.until !== undefined)
    throw new UserError(
      "--since/--until select a hashtag's posts by date; --context exports all of its posts",
    );
  return { context: parsed.context };
};

/** The number of posts a context holds, or a UserError naming the contexts there are. */
const requireContextPosts = (store: CompanionStore, context: CaptureContext): number => {
  const contexts = store.captureContexts();
  const found = contexts.find((row) => row.kind === context.kind && row.value === context.value);
  if (found !== undefined) return found.posts;
  const known = contexts.map((row) => contextLabel(row)).join(", ") || "none yet";
  throw new UserError(`No posts captured on ${contextLabel(context)} (contexts: ${known})`);
};

/** `--out -` is stdout, as is no --out at all. */
const toStdout = (options: ExportOptions): boolean => options.out === undefined || options.out === "-";

/** Writes the export where asked; returns how many posts (and, for the seed layout, videos) it wrote. */
const writeExport = async (
  store: CompanionStore,
  selection: Selection,
  options: ExportOptions,
  range: TimeRange,
  progress: Progress,
  file: string | null,
): Promise<{ posts: number; videos?: number }> => {
  if (options.layout === "seed" && options.out !== undefined && "hashtag" in selection)
    return writeSeedLayout(store, selection.hashtag, options.out, range, () => progress.increment());
  let posts = 0;
  const counted = () => {
    posts++;
    progress.increment();
  };
  const lines =
    options.format === "parquet"
      ? // hyparquet-writer is loaded only for Parquet, so every other command starts fast.
        (await import("../export/parquet-chunks.ts")).parquetChunks(
          (function* () {
            const posts =
              "hashtag" in selection
                ? store.postsForHashtag(selection.hashtag, range)
                : store.postsInContext(selection.context);
            for (const post of posts) {
              counted();
              yield post;
            }
          })(),
        )
      : batchLines(
          "hashtag" in selection
            ? exportLines(store, selection.hashtag, options.format, range, counted)
            : contextExportLines(store, selection.context, options.format, counted),
        );
  if (file === null) await writeChunks(process.stdout, lines);
  else await writeFileAtomically(file, lines);
  return { posts };
};

/** `export`: a hashtag's or a capture context's posts in the format and place asked. */
export const exportAction = async (
  hashtagInput: string | undefined,
  options: ExportOptions,
  command: Command,
) => {
  const { dataDir, json } = globalOptions(command);
  const selection = selectionOf(hashtagInput, options);
  const what = describeSelection(selection);
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
    const total =
      "hashtag" in selection
        ? requirePosts(store, selection.hashtag, range)
        : requireContextPosts(store, selection.context);
    // Posts printed on a terminal would tangle with a bar drawn on the same terminal.
    const quiet = json || (toStdout(options) && process.stdout.isTTY === true);
    const progress = createProgress(`exporting ${what}`, total, { json: quiet });
    const result = await writeExport(store, selection, options, range, progress, file).finally(() =>
      progress.stop(),
    );
    if (toStdout(options)) return;
    const summary = {
      ...("hashtag" in selection ? selection : { context: contextLabel(selection.context) }),
      format: options.layout ?? options.format,
      out: options.out,
      ...result,
    };
    if (json) await writeChunks(process.stdout, [`${JSON.stringify(summary)}\n`]);
    else process.stderr.write(`Exported ${result.posts} posts of ${what} to ${options.out}\n`);
  } finally {
    store.close();
  }
};
