import { createHash } from "node:crypto";
import { constants, createReadStream, existsSync } from "node:fs";
import { copyFile, mkdir, readdir, rename, stat } from "node:fs/promises";
import { join, relative, resolve } from "node:path";
import { videosDir } from "../store/paths.ts";
import type { CompanionStore } from "../store/post-store.ts";

const sha256 = async (file: string): Promise<string> => {
  const hash = createHash("sha256");
  for await (const chunk of createReadStream(file)) hash.update(chunk as Buffer);
  return hash.digest("hex");
};

/** Copies into the data folder unless the file already is there; via .part so a crash leaves no half video. */
const bringIntoDataDir = async (source: string, target: string): Promise<void> => {
  if (resolve(source) === resolve(target)) return;
  await mkdir(join(target, ".."), { recursive: true });
  const part = `${target}.part`;
  // FICLONE makes a copy-on-write clone where the file system can, an ordinary copy elsewhere.
  await copyFile(source, part, constants.COPYFILE_FICLONE);
  await rename(part, target);
};

/**
 * Registers the videos the seed downloaded to <root>/<hashtag>/videos/<post id>.mp4 for stored posts
 * (`onlyIds` narrows it to the ids listed in the seed's video_ids.json). Returns how many were registered.
 */
export const registerSeedVideos = async (
  store: CompanionStore,
  root: string,
  hashtag: string,
  onlyIds?: ReadonlySet<string>,
): Promise<number> => {
  const folder = join(root, hashtag, "videos");
  if (!existsSync(folder)) return 0;
  let registered = 0;
  for (const name of (await readdir(folder)).sort()) {
    const id = /^(\d+)\.mp4$/u.exec(name)?.[1];
    if (id === undefined || (onlyIds && !onlyIds.has(id))) continue;
    if (!store.getPost(id) || store.videoFor(id)) continue;
    const target = join(videosDir(store.dataDir, hashtag), name);
    await bringIntoDataDir(join(folder, name), target);
    const { size, mtime } = await stat(target);
    store.recordVideo({
      postId: id,
      hashtag,
      path: relative(store.dataDir, target),
      size,
      sha256: await sha256(target),
      downloadedAt: mtime.toISOString(),
    });
    registered++;
  }
  return registered;
};
