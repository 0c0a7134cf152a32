import { basename } from "node:path";
import type { Command } from "commander";
import { globalOptions } from "../cli/global-options.ts";
import { openStoreForCli } from "../cli/open-store.ts";
import { hashtagArgument } from "../cli/parse-arguments.ts";
import { createProgress } from "../cli/progress.ts";
import { writeChunks } from "../cli/write-file.ts";
import type { ImportSummary } from "../import/import-file.ts";
import { importPath } from "../import/import-path.ts";

const describeSummary = (summary: ImportSummary): string[] => {
  const tags = summary.hashtags.map((tag) => `#${tag}`).join(", ") || "no hashtag";
  const line =
    summary.format === "seed-videos" || summary.format === "seed-video-ids"
      ? `${summary.file}: ${summary.videos} videos registered (${tags})`
      : `${summary.file}: ${summary.new} new, ${summary.seen} already stored, ${summary.linked} newly linked, ${summary.rejected} rejected (${tags})`;
  return [line, ...summary.rejections.map((reason) => `  ${reason}`)];
};

/** `import`: each path imported whole or not at all, with a summary per file and in total. */
export const importAction = async (paths: string[], options: { hashtag?: string }, command: Command) => {
  const { dataDir, json } = globalOptions(command);
  const hashtag = options.hashtag === undefined ? undefined : hashtagArgument(options.hashtag);
  const store = openStoreForCli(dataDir, "write");
  const summaries: ImportSummary[] = [];
  try {
    for (const path of paths) {
      await importPath(store, path, {
        hashtag,
        progressFor: (file, bytes) => createProgress(`importing ${basename(file)}`, bytes, { json }),
        onSummary: (summary) => {
          summaries.push(summary);
          if (!json) process.stderr.write(`${describeSummary(summary).join("\n")}\n`);
        },
      });
    }
  } catch (error) {
    // The files before the bad one are committed; a script must still learn which they were.
    if (json && summaries.length > 0) await writeChunks(process.stdout, [`${JSON.stringify(summaries)}\n`]);
    throw error;
  } finally {
    store.close();
  }
  if (json) return writeChunks(process.stdout, [`${JSON.stringify(summaries)}\n`]);
  const total = (key: "new" | "seen" | "rejected" | "videos") =>
    summaries.reduce((sum, summary) => sum + summary[key], 0);
  const posts = total("new") + total("seen");
  await writeChunks(process.stdout, [
    `Imported ${posts} post${posts === 1 ? "" : "s"} from ${summaries.length} file${summaries.length === 1 ? "" : "s"}: ${total("new")} new, ${total("seen")} already stored, ${total("rejected")} rejected, ${total("videos")} videos\n`,
  ]);
};
