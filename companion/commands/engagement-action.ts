import type { Command } from "commander";
import type { EngagementMetric } from "../../shared/analysis/engagement.ts";
import { postIdProblem } from "../../shared/post/post-id.ts";
import { globalOptions } from "../cli/global-options.ts";
import { openStoreForCli } from "../cli/open-store.ts";
import { hashtagArgument, parseInstant, positiveInteger } from "../cli/parse-arguments.ts";
import { requirePosts } from "../cli/require-posts.ts";
import { formatTextTable } from "../cli/text-table.ts";
import { UserError } from "../cli/user-error.ts";
import { writeChunks } from "../cli/write-file.ts";
import { type HashtagGrowth, storedEngagement, storedGrowth } from "../store/hashtag-analyses.ts";
import type { CompanionStore } from "../store/post-store.ts";

interface EngagementCommandOptions {
  post?: string;
  metric: EngagementMetric;
  limit: string;
  from?: string;
  to?: string;
}

const time = (iso: string) => iso.slice(0, 19).replace("T", " ");
const count = (value: number | null) => (value === null ? "-" : String(value));

/** --from/--to as the two instants compared: from the start of the --from day, to the end of the --to day. */
const window = (options: EngagementCommandOptions): { from?: string; to?: string } => {
  if (options.from === undefined && options.to === undefined) return {};
  if (options.from === undefined || options.to === undefined)
    throw new UserError(
      "Give both --from and --to (the two collections' times), or neither for the last two",
    );
  const from = parseInstant("--from", options.from, false);
  const to = parseInstant("--to", options.to, true);
  if (from > to) throw new UserError(`--from ${options.from} is after --to ${options.to}`);
  return { from: new Date(from * 1000).toISOString(), to: new Date(to * 1000).toISOString() };
};

const postHistory = async (store: CompanionStore, hashtag: string, input: string, json: boolean) => {
  const problem = postIdProblem(input);
  if (problem !== null) throw new UserError(`--post: ${problem}`);
  if (!store.analysis.isLinked(hashtag, input))
    throw new UserError(`Post ${input} is not among the posts collected for #${hashtag}`);
  const history = storedEngagement(store, input);
  if (!history) throw new UserError(`Post ${input} is not stored`);
  if (json) return writeChunks(process.stdout, [`${JSON.stringify(history)}\n`]);
  const table = formatTextTable(
    ["Seen (UTC)", "Plays", "Likes", "Shares", "Comments"],
    history.points.map((p) => [
      time(p.seenAt),
      count(p.plays),
      count(p.likes),
      count(p.shares),
      count(p.comments),
    ]),
  );
  return writeChunks(process.stdout, [
    `Post ${input} of #${hashtag}: its counts each time they changed\n`,
    table,
  ]);
};

const formatGrowth = (growth: HashtagGrowth): string => {
  const { metric } = growth;
  const intro = `#${growth.hashtag}: fastest-growing posts by ${metric} between ${time(growth.from)} and ${time(growth.to)} UTC\n`;
  if (growth.posts.length === 0) return `${intro}No post has counts known at both times.\n`;
  return (
    intro +
    formatTextTable(
      ["Post", "Author", `${metric} before`, `${metric} after`, "Growth", "Relative", "Per day"],
      growth.posts.map((row) => [
        row.postId,
        row.author ?? "-",
        row.before.value,
        row.after.value,
        row.growth,
        row.relative === null ? "-" : `${(row.relative * 100).toFixed(1)}%`,
        row.perDay === null ? "-" : row.perDay.toFixed(1),
      ]),
    )
  );
};

/** `engagement`: the fastest-growing posts between two collections, or one post's counts over time. */
export const engagementAction = async (
  hashtagInput: string,
  options: EngagementCommandOptions,
  command: Command,
) => {
  const { dataDir, json } = globalOptions(command);
  const hashtag = hashtagArgument(hashtagInput);
  const limit = positiveInteger("--limit", options.limit);
  const times = window(options);
  const store = openStoreForCli(dataDir, "read");
  try {
    requirePosts(store, hashtag);
    if (options.post !== undefined) return await postHistory(store, hashtag, options.post, json);
    const growth = storedGrowth(store, hashtag, { ...times, metric: options.metric, limit });
    if (growth === null)
      throw new UserError(
        `#${hashtag} has fewer than two finished collections to compare; give --from and --to to compare counts known at two times`,
      );
    await writeChunks(process.stdout, [json ? `${JSON.stringify(growth)}\n` : formatGrowth(growth)]);
  } finally {
    store.close();
  }
};
