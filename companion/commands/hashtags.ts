import type { Command } from "commander";
import { lazyAction } from "../cli/lazy-action.ts";

export const registerHashtagsCommand = (program: Command): void => {
  program
    .command("hashtags")
    .description("List the followed hashtags: posts, videos, last collection and its error")
    .option(
      "--contexts",
      "list instead where passive capture kept posts off tag pages (@user, search:<term>, feed), with counts",
    )
    .action(lazyAction(async () => (await import("./hashtags-action.ts")).hashtagsAction));
};
