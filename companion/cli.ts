import { Command } from "commander";
import { DEFAULT_DATA_DIR } from "./cli/global-options.ts";
import { isEntry } from "./cli/is-entry.ts";
import { packageVersion } from "./cli/package-version.ts";
import { runCli } from "./cli/run-cli.ts";
import { registerDownloadCommand } from "./commands/download.ts";
import { registerEngagementCommand } from "./commands/engagement.ts";
import { registerExportCommand } from "./commands/export.ts";
import { registerFrequenciesCommand } from "./commands/frequencies.ts";
import { registerHashtagsCommand } from "./commands/hashtags.ts";
import { registerImportCommand } from "./commands/import.ts";
import { registerNetworkCommand } from "./commands/network.ts";
import { registerStartCommand } from "./commands/start.ts";
import { registerTrendsCommand } from "./commands/trends.ts";

/** The `tiktok-hashtag-analysis` program: global options, then one registration per command. */
export const buildProgram = (): Command => {
  const program = new Command("tiktok-hashtag-analysis")
    .description(
      "Collect TikTok posts by hashtag into a local database and study which hashtags travel together",
    )
    .version(packageVersion())
    .option("--data-dir <dir>", "the data folder (database, videos, plots)", DEFAULT_DATA_DIR)
    .option("--json", "machine-readable output on stdout, no progress display")
    .showHelpAfterError("(add --help for usage)");
  registerFrequenciesCommand(program);
  registerNetworkCommand(program);
  registerTrendsCommand(program);
  registerEngagementCommand(program);
  registerImportCommand(program);
  registerExportCommand(program);
  registerHashtagsCommand(program);
  registerStartCommand(program);
  registerDownloadCommand(program);
  return program;
};

if (isEntry(import.meta.url, new URL("bin.js", import.meta.url).href)) await runCli(buildProgram());
