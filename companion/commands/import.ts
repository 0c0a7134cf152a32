import type { Command } from "commander";
import { lazyAction } from "../cli/lazy-action.ts";

export const registerImportCommand = (program: Command): void => {
  program
    .command("import")
    .description(
      "Import posts: the seed's data folders, JSON lists, NDJSON (Zeeschuimer, Research API), saved TikTok API responses (2020 to now, also inside wrappers' envelopes) or pages, and CSVs (4CAT, tiktok-scraper, Apify, our export)",
    )
    .argument("<paths...>", "files or seed data folders; each file is imported whole or not at all")
    .option(
      "--hashtag <hashtag>",
      "the hashtag the posts were collected for (default: the seed folder's name, or the Zeeschuimer tag page)",
    )
    .action(lazyAction(async () => (await import("./import-action.ts")).importAction));
};
