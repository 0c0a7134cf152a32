import type { Command } from "commander";
import { formatFrequencyTable } from "../../shared/analysis/frequency-table-text.ts";
import {
  DEFAULT_TOP_N,
  type FrequencyTable,
  rankHashtags,
} from "../../shared/analysis/hashtag-frequencies.ts";
import { globalOptions } from "../cli/global-options.ts";
import { openStoreForCli } from "../cli/open-store.ts";
import { hashtagArgument, parseTimeRange, positiveInteger } from "../cli/parse-arguments.ts";
import { readHashtagFile } from "../cli/read-hashtag-file.ts";
import { requirePosts } from "../cli/require-posts.ts";
import { UserError } from "../cli/user-error.ts";
import { writeChunks, writeFileAtomically } from "../cli/write-file.ts";
import { checkExportTarget } from "../export/export-target.ts";
import { defaultPlotPath } from "../plot/plot-file.ts";
import type { TimeRange } from "../store/post-store.ts";

interface FrequenciesOptions {
  table?: boolean;
  plot?: boolean;
  number?: string;
  file?: string;
  since?: string;
  until?: string;
  out?: string;
}

const hashtagsToAnalyse = (hashtag: string | undefined, options: FrequenciesOptions): string[] => {
  if (options.file === undefined) return [hashtagArgument(hashtag)];
  if (hashtag !== undefined)
    throw new UserError("Give either a <hashtag> or --file, not both (with --file, pass n as --number)");
  return readHashtagFile(options.file);
};

const frequencyTables = (
  dataDir: string,
  hashtags: string[],
  n: number,
  range: TimeRange,
): FrequencyTable[] => {
  const store = openStoreForCli(dataDir, "read");
  try {
    return hashtags.map((hashtag) => {
      requirePosts(store, hashtag, range);
      return rankHashtags(store.hashtagCounts(hashtag, range), hashtag, n);
    });
  } finally {
    store.close();
  }
};

/** Saves one PNG per table, under data/<tag>/plots/ or at `out`; returns the files. */
const savePlots = async (
  tables: FrequencyTable[],
  dataDir: string,
  out: string | undefined,
  json: boolean,
) => {
  // Loaded only when asked for: Chart.js and canvas would slow every other command's start.
  const { saveCoOccurrencePlot } = await import("../plot/save-plot.ts");
  const files: string[] = [];
  for (const table of tables) {
    const file = out ?? (await defaultPlotPath(dataDir, table.hashtag, new Date()));
    await saveCoOccurrencePlot(table, file);
    if (!json) process.stderr.write(`Plot saved to ${file}\n`);
    files.push(file);
  }
  return files;
};

/** `frequencies`: the co-occurrence table of one hashtag or of each listed in --file, printed, saved or plotted. */
export const frequenciesAction = async (
  hashtag: string | undefined,
  n: string | undefined,
  options: FrequenciesOptions,
  command: Command,
) => {
  const { dataDir, json } = globalOptions(command);
  const hashtags = hashtagsToAnalyse(hashtag, options);
  const rows = positiveInteger("n", options.number ?? n ?? String(DEFAULT_TOP_N));
  const range = parseTimeRange(options.since, options.until);
  if (options.out !== undefined && hashtags.length > 1)
    throw new UserError("--out names one file, so it works with one hashtag, not --file");
  // As for export --out: never over the database's files or a device; replacing a file stays allowed.
  if (options.out !== undefined) await checkExportTarget(options.out, { dataDir, force: true });

  const tables = frequencyTables(dataDir, hashtags, rows, range);
  const plots = options.plot ? await savePlots(tables, dataDir, options.out, json) : [];

  if (json) {
    const results = tables.map((table, i) => ({ ...table, plot: plots[i] ?? null }));
    // A list for --file, whatever its length, so scripts see one shape per way of calling.
    const output = options.file === undefined ? results[0] : results;
    return writeChunks(process.stdout, [`${JSON.stringify(output)}\n`]);
  }
  if (options.plot && !options.table) return;
  const text = tables.map(formatFrequencyTable).join("\n");
  if (options.out !== undefined && !options.plot) return writeFileAtomically(options.out, [text]);
  return writeChunks(process.stdout, [text]);
};
