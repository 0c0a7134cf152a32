import { type Command, Option } from "commander";
import { lazyAction } from "../cli/lazy-action.ts";

const collectValues = (value: string, previous: string[] = []): string[] => [...previous, value];

export const registerDownloadCommand = (program: Command): void => {
  program
    .command("download")
    .description("Collect posts of hashtags from TikTok into the database (-p) and download their media (-v)")
    .argument("[hashtags...]", "hashtags to collect")
    .option("-t, --tags <hashtags...>", "hashtags to collect (as the seed's -t)")
    .option(
      "-f, --file <file>",
      "a file listing hashtags: one per line or comma-separated, '#' starts a comment line",
    )
    .option("-p, --posts", "collect posts (the default when neither -p nor -v is given)")
    .option(
      "-v, --videos",
      "download the media of stored posts that have none yet (after collecting, with -p)",
    )
    .option("--limit <n>", "at most n posts per hashtag and run", "1000")
    .addOption(
      new Option("--source <source>", "where posts come from")
        .choices(["browser", "scraper"])
        .default("browser"),
    )
    .option(
      "--since <date>",
      "only posts created on or after this date (YYYY-MM-DD, ISO 8601 or epoch seconds)",
    )
    .option("--every <interval>", "keep collecting on a schedule, e.g. 6h or 1d, until Ctrl+C")
    .option("--concurrency <n>", "posts whose media is downloaded at the same time", "2")
    .option(
      "--delay <duration>",
      "average pause between requests to TikTok, randomised (e.g. 2s, 500ms)",
      "2s",
    )
    .option(
      "--proxy <url>",
      "send TikTok traffic through this proxy (http://host:port or socks5://host:port)",
    )
    .option("--headed", "browser source: show the window, so you can solve a captcha")
    .option(
      "--profile <dir>",
      "browser source: a persistent profile, so cookies and a login carry over between runs",
    )
    .option(
      "--browser <path>",
      "browser source: the Chromium or Chrome to drive (else PUPPETEER_EXECUTABLE_PATH, else found)",
    )
    .option(
      "--session <cookie>",
      "scraper source: a TikTok session cookie such as sid_tt=...; repeatable",
      collectValues,
    )
    .action(lazyAction(async () => (await import("./download-action.ts")).downloadAction));
};
