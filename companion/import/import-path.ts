import { stat } from "node:fs/promises";
import { dirname, join } from "node:path";
import type { Progress } from "../cli/progress.ts";
import { UserError } from "../cli/user-error.ts";
import type { CompanionStore } from "../store/post-store.ts";
import { detectFormat } from "./detect-format.ts";
import { emptySummary, type ImportSummary, importFile } from "./import-file.ts";
import { registerSeedVideos } from "./register-seed-videos.ts";
import { readSeedLayout } from "./seed-folder.ts";
import { readSeedIds } from "./seed-ids.ts";

export interface ImportPathOptions {
  /** The hashtag the posts were collected for (files only: a seed folder's names say it). */
  hashtag?: string;
  /** A progress display for one file of `bytes` bytes. */
  progressFor: (file: string, bytes: number) => Progress;
  /** Called as each file is done, so earlier results show even if a later file fails. */
  onSummary: (summary: ImportSummary) => void;
}

/** post_ids.json links stored posts to more hashtags; the ids it lists without post data cannot be imported. */
const importPostIds = async (store: CompanionStore, file: string): Promise<ImportSummary> => {
  const summary = emptySummary(file, "seed-post-ids");
  const ids = await readSeedIds(file);
  const seenAt = (await stat(file)).mtime.toISOString();
  await store.atomically(async () => {
    for (const [hashtag, list] of ids) {
      const { linked, missing } = store.linkPosts(hashtag, list, { seenAt });
      summary.hashtags.push(hashtag);
      summary.linked += linked;
      summary.rejected += missing.length;
      if (missing.length > 0)
        summary.rejections.push(
          `${missing.length} ids listed for #${hashtag} are not stored posts (no post data)`,
        );
    }
  });
  return summary;
};

const importVideoIds = async (store: CompanionStore, file: string): Promise<ImportSummary> => {
  const summary = emptySummary(file, "seed-video-ids");
  // The file lives in <root>/ids/.
  const root = dirname(dirname(file));
  for (const [hashtag, list] of await readSeedIds(file)) {
    summary.hashtags.push(hashtag);
    summary.videos += await registerSeedVideos(store, root, hashtag, new Set(list));
  }
  return summary;
};

const importOneFile = async (
  store: CompanionStore,
  file: string,
  options: ImportPathOptions,
  hashtag?: string,
) => {
  const format = await detectFormat(file);
  if (format === "seed-post-ids") return importPostIds(store, file);
  if (format === "seed-video-ids") return importVideoIds(store, file);
  const progress = options.progressFor(file, (await stat(file)).size);
  try {
    return await importFile(store, file, { format, hashtag, progress });
  } finally {
    progress.stop();
  }
};

const importSeedFolder = async (store: CompanionStore, folder: string, options: ImportPathOptions) => {
  const layout = readSeedLayout(folder);
  for (const { hashtag, files } of layout.hashtags) {
    for (const file of files) options.onSummary(await importOneFile(store, file, options, hashtag));
    const videos = emptySummary(join(layout.root, hashtag, "videos"), "seed-videos");
    videos.videos = await registerSeedVideos(store, layout.root, hashtag);
    if (videos.videos > 0) {
      videos.hashtags.push(hashtag);
      options.onSummary(videos);
    }
  }
  if (layout.postIds !== null) options.onSummary(await importPostIds(store, layout.postIds));
};

/**
 * Imports a file (each its own transaction) or a seed data folder (file by file). Stops at the first bad file;
 * the ones before it stay imported and were already reported through onSummary.
 */
export const importPath = async (
  store: CompanionStore,
  path: string,
  options: ImportPathOptions,
): Promise<void> => {
  const info = await stat(path).catch(() => null);
  if (info === null) throw new UserError(`${path} does not exist`);
  if (info.isDirectory()) {
    if (options.hashtag !== undefined)
      throw new UserError(
        `--hashtag cannot be used with the seed folder ${path}: its folder names say the hashtags`,
      );
    return importSeedFolder(store, path, options);
  }
  options.onSummary(await importOneFile(store, path, options, options.hashtag));
};
