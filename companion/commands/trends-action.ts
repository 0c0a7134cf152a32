import type { Command } from "commander";
import {
  type HashtagTrends,
  periodRange,
  type TagChange,
  type TrendPeriod,
} from "../../shared/analysis/hashtag-trends.ts";
import { trendsCsv } from "../../shared/export/trends-csv.ts";
import { globalOptions } from "../cli/global-options.ts";
import { openStoreForCli } from "../cli/open-store.ts";
import { hashtagArgument, parseTimeRange, positiveInteger } from "../cli/parse-arguments.ts";
import { requirePosts } from "../cli/require-posts.ts";
import { formatTextTable } from "../cli/text-table.ts";
import { UserError } from "../cli/user-error.ts";
import { outputFile, writeOutput } from "../cli/write-output.ts";
import { storedTrends } from "../store/hashtag-analyses.ts";

interface TrendsCommandOptions {
  period: TrendPeriod;
  top: string;
  changes: string;
  before?: string;
  after?: string;
  since?: string;
  until?: string;
  csv?: boolean;
  out?: string;
  force?: boolean;
}

const percent = (share: number | null): string => (share === null ? "-" : `${(share * 100).toFixed(1)}%`);

const periodName = (period: TrendPeriod, start: string) =>
  period === "day" ? start : `the week of ${start}`;

const changeRows = (entries: TagChange[]) =>
  entries.map((entry) => [
    `#${entry.hashtag}`,
    `${entry.before.posts} (${percent(entry.before.share)})`,
    `${entry.after.posts} (${percent(entry.after.share)})`,
    `${entry.change > 0 ? "+" : ""}${(entry.change * 100).toFixed(1)} points`,
  ]);

/** The trends for people: posts and the top co-hashtags' shares per period, then what rose and fell. */
const formatTrends = (trends: HashtagTrends): string => {
  const { period, comparison } = trends;
  const undated = trends.undated > 0 ? `, ${trends.undated} undated left out` : "";
  const lines = [
    `#${trends.hashtag}: posts per ${period} (${trends.totalPosts} posts${undated}), share carrying each co-hashtag\n`,
  ];
  lines.push(
    formatTextTable(
      [period === "day" ? "Day" : "Week of", "Posts", ...trends.tags.map((tag) => `#${tag.hashtag}`)],
      trends.periods.map((row, i) => [
        row.start,
        row.posts,
        ...trends.tags.map((tag) => percent(tag.shares[i] ?? null)),
      ]),
    ),
  );
  if (comparison === null) return lines.join("");
  const header = [
    "Hashtag",
    `Posts in ${comparison.before.start}`,
    `Posts in ${comparison.after.start}`,
    "Change",
  ];
  lines.push(
    `\nFrom ${periodName(period, comparison.before.start)} (${comparison.before.posts} posts) to ${periodName(period, comparison.after.start)} (${comparison.after.posts} posts):\n`,
  );
  for (const [name, entries] of [
    ["Rising", comparison.rising],
    ["Falling", comparison.falling],
  ] as const) {
    lines.push(`\n${name}:\n`);
    lines.push(entries.length === 0 ? "  none\n" : formatTextTable(header, changeRows(entries)));
  }
  return lines.join("");
};

const comparedPeriods = (options: TrendsCommandOptions): { before: string; after: string } | undefined => {
  if (options.before === undefined && options.after === undefined) return undefined;
  if (options.before === undefined || options.after === undefined)
    throw new UserError(
      "Give both --before and --after (the first days of the two periods to compare), or neither",
    );
  for (const start of [options.before, options.after]) {
    try {
      periodRange(start, options.period);
    } catch (error) {
      throw new UserError(`--before/--after: ${(error as Error).message}`);
    }
  }
  return { before: options.before, after: options.after };
};

const wholeNumber = (name: string, input: string): number =>
  input.trim() === "0" ? 0 : positiveInteger(name, input);

/** `trends`: posts per period, the top co-hashtags' shares, and which rose or fell. */
export const trendsAction = async (hashtagInput: string, options: TrendsCommandOptions, command: Command) => {
  const { dataDir, json } = globalOptions(command);
  const hashtag = hashtagArgument(hashtagInput);
  const top = wholeNumber("--top", options.top);
  const changes = positiveInteger("--changes", options.changes);
  const range = parseTimeRange(options.since, options.until);
  const compare = comparedPeriods(options);
  if (json && options.csv) throw new UserError("Choose --json or --csv, not both");
  const file = await outputFile(options.out, { dataDir, force: options.force });
  const store = openStoreForCli(dataDir, "read");
  let trends: HashtagTrends;
  try {
    requirePosts(store, hashtag, range);
    trends = storedTrends(store, hashtag, { period: options.period, top, range, compare, changes });
  } finally {
    store.close();
  }
  const text = json ? `${JSON.stringify(trends)}\n` : options.csv ? trendsCsv(trends) : formatTrends(trends);
  await writeOutput(file, [text]);
  if (file !== null && !json) process.stderr.write(`Wrote the trends of #${hashtag} to ${options.out}\n`);
};
