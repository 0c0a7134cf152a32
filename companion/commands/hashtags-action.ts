import type { Command } from "commander";
import { contextLabel } from "../../shared/api/contract.ts";
import { globalOptions } from "../cli/global-options.ts";
import { openStoreForCli } from "../cli/open-store.ts";
import { formatTextTable } from "../cli/text-table.ts";
import { writeChunks } from "../cli/write-file.ts";
import type { ContextSummary } from "../store/post-contexts.ts";

const day = (iso: string | null): string => (iso === null ? "never" : iso.slice(0, 19).replace("T", " "));

/** `hashtags`: the followed hashtags, or with --contexts where passive capture kept posts. */
export const hashtagsAction = async (options: { contexts?: boolean }, command: Command) => {
  const { dataDir, json } = globalOptions(command);
  const store = openStoreForCli(dataDir, "read");
  let rows: ReturnType<typeof store.hashtags>;
  let contexts: ReturnType<typeof store.captureContexts>;
  try {
    rows = store.hashtags();
    contexts = store.captureContexts();
  } finally {
    store.close();
  }
  if (options.contexts === true) return listContexts(contexts, json, dataDir);
  if (json) return writeChunks(process.stdout, [`${JSON.stringify(rows)}\n`]);
  const elsewhere =
    contexts.length === 0
      ? ""
      : `Posts captured off tag pages: ${contexts.reduce((sum, row) => sum + row.posts, 0)} in ${contexts.length} places (hashtags --contexts)\n`;
  if (rows.length === 0) {
    process.stderr.write(`No hashtags in ${dataDir} yet (import or collect posts first)\n${elsewhere}`);
    return;
  }
  if (elsewhere !== "") process.stderr.write(elsewhere);
  const table = formatTextTable(
    ["Hashtag", "Posts", "Videos", "Last collection (UTC)", "Last error"],
    rows.map((row) => [row.hashtag, row.posts, row.videos, day(row.lastCollectedAt), row.lastError ?? ""]),
  );
  await writeChunks(process.stdout, [table]);
};

const listContexts = async (contexts: ContextSummary[], json: boolean, dataDir: string): Promise<void> => {
  const rows = contexts.map((row) => ({ context: contextLabel(row), ...row }));
  if (json) return writeChunks(process.stdout, [`${JSON.stringify(rows)}\n`]);
  if (rows.length === 0) {
    process.stderr.write(`No posts captured off tag pages in ${dataDir} yet\n`);
    return;
  }
  const table = formatTextTable(
    ["Captured on", "Posts", "First capture (UTC)", "Last capture (UTC)"],
    rows.map((row) => [row.context, row.posts, day(row.firstSeen), day(row.lastSeen)]),
  );
  await writeChunks(process.stdout, [table]);
};
