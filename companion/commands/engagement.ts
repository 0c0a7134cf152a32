import { type Command, Option } from "commander";
import { DEFAULT_GROWTH_LIMIT, ENGAGEMENT_METRICS } from "../../shared/analysis/engagement.ts";
import { lazyAction } from "../cli/lazy-action.ts";

export const registerEngagementCommand = (program: Command): void => {
  program
    .command("engagement")
    .description("A hashtag's fastest-growing posts between two collections, or one post's counts over time")
    .argument("<hashtag>", "the hashtag whose posts to analyse")
    .option("--post <id>", "show this post's plays, likes, shares and comments each time they changed")
    .addOption(
      new Option("--metric <metric>", "the count to rank by").choices(ENGAGEMENT_METRICS).default("plays"),
    )
    .option("--limit <n>", "posts listed", String(DEFAULT_GROWTH_LIMIT))
    .option("--from <time>", "counts as known at this time (YYYY-MM-DD, ISO 8601 or epoch seconds) ...")
    .option("--to <time>", "... against counts known at this one (default: the last two collections)")
    .action(lazyAction(async () => (await import("./engagement-action.ts")).engagementAction));
};
