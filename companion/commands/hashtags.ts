import type { Command } from "commander";
import { globalOptions } from "../cli/global-options.ts";
import { openStoreForCli } from "../cli/open-store.ts";
import { formatTextTable } from "../cli/text-table.ts";
import { writeChunks } from "../cli/write-file.ts";

const day = (iso: string | null): string => (iso === null ? "never" : iso.slice(0, 19).replace("T", " "));

export const registerHashtagsCommand = (program: Command): void => {
  program
    .command("hashtags")
    .description("List the followed hashtags: posts, videos, last collection and its error")
    .action(async (_options: unknown, command: Command) => {
      const { dataDir, json } = globalOptions(command);
      const store = openStoreForCli(dataDir, "read");
      let rows: ReturnType<typeof store.hashtags>;
      try {
        rows = store.hashtags();
      } finally {
        store.close();
      }
      if (json) return writeChunks(process.stdout, [`${JSON.stringify(rows)}\n`]);
      if (rows.length === 0) {
        process.stderr.write(`No hashtags in ${dataDir} yet (import or collect posts first)\n`);
        return;
      }
      const table = formatTextTable(
        ["Hashtag", "Posts", "Videos", "Last collection (UTC)", "Last error"],
        rows.map((row) => [
          row.hashtag,
          row.posts,
          row.videos,
          day(row.lastCollectedAt),
          row.lastError ?? "",
        ]),
      );
      await writeChunks(process.stdout, [table]);
    });
};
