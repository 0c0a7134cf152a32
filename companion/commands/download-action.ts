import type { Command } from "commander";
import { globalOptions } from "../cli/global-options.ts";
import { readHashtagFile } from "../cli/read-hashtag-file.ts";
import { parseDownloadSettings, type RawDownloadOptions } from "../download/download-settings.ts";
import { resolveHashtags } from "../download/resolve-hashtags.ts";

/** `download`: collects the hashtags' posts and, with -v, their media, once or on a schedule. */
export const downloadAction = async (args: string[], options: RawDownloadOptions, command: Command) => {
  const { dataDir, json } = globalOptions(command);
  const settings = parseDownloadSettings(options);
  const hashtags = resolveHashtags({
    args,
    tags: options.tags ?? [],
    fromFile: options.file === undefined ? [] : readHashtagFile(options.file),
  });
  // Loaded here so the other commands do not pay for puppeteer, undici and the collectors at start-up.
  const { startDownload } = await import("../download/start-download.ts");
  process.exitCode = await startDownload({ hashtags, settings, dataDir, json });
};
