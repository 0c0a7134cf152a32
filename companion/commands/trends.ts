import { type Command, Option } from "commander";
import { DEFAULT_TREND_TOP, TREND_PERIODS } from "../../shared/analysis/hashtag-trends.ts";
import { lazyAction } from "../cli/lazy-action.ts";

export const registerTrendsCommand = (program: Command): void => {
  program
    .command("trends")
    .description("Posts per day or week for a hashtag, its top co-hashtags' shares, and which rose or fell")
    .argument("<hashtag>", "the hashtag whose posts to analyse")
    .addOption(new Option("--period <period>", "group posts by").choices(TREND_PERIODS).default("day"))
    .option("--top <n>", "co-hashtags followed per period", String(DEFAULT_TREND_TOP))
    .option("--changes <n>", "rising and falling co-hashtags listed", String(DEFAULT_TREND_TOP))
    .option("--before <day>", "compare this period (its first day; a Monday for weeks) ...")
    .option("--after <day>", "... with this one (default: the last two periods)")
    .option(
      "--since <date>",
      "only posts created on or after this date (YYYY-MM-DD, ISO 8601 or epoch seconds)",
    )
    .option("--until <date>", "only posts created on or before this date")
    .option("--csv", "write the periods as CSV: period_start, period_posts, co_hashtag, posts, share")
    .option("--out <file>", "write to this file ('-' for stdout) instead of stdout")
    .option("--force", "replace the --out file if it exists")
    .action(lazyAction(async () => (await import("./trends-action.ts")).trendsAction));
};
