import { createHash } from "node:crypto";
import { constants, createReadStream, existsSync } from "node:fs";
import { copyFile, mkdir, readdir, rename, stat } from "node:fs/promises";
import { join, relative, resolve } from "node:path";
import { UserError } from "../cli/user-error.ts";
import { hashtagDir, resolveInside, videosDir } from "../store/paths.ts";
import type { CompanionStore } from "../store/post-store.ts";

const sha256 = async (file: string): Promise<string> => {
  const hash = createHash("sha256");
  for await (const chunk of createReadStream(file)) hash.update(chunk as Buffer);
  return hash.digest("hex");
};

/**
 * A seed video, checked before it is read: inside the seed folder wherever its links lead (a link to
 * /etc/shadow named <id>.mp4 would otherwise be copied into the data folder) and a regular file.
 */
const seedVideo = async (root: string, path: string): Promise<string> => {
  let inside: string;
  try {
    inside = await resolveInside(root, path, "the seed folder");
  } catch (error) {
    throw new UserError(`Not importing the seed video ${path}: ${(error as Error).message}`);
  }
  if (!(await stat(inside)).isFile())
    throw new UserError(`Not importing the seed video ${path}: it is not a regular file`);
  return inside;
};

/** Copies into the data folder unless the file already is there; via .part so a crash leaves no half video. */
const bringIntoDataDir = async (dataDir: string, source: string, target: string): Promise<void> => {
  if (resolve(source) === resolve(target)) return;
  const part = await resolveInside(dataDir, `${target}.part`);
  await mkdir(join(target, ".."), { recursive: true });
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
  // The hashtag may come from the seed's ids file: validated before it names a folder to read.
  const folder = join(hashtagDir(root, hashtag), "videos");
  if (!existsSync(folder)) return 0;
  let registered = 0;
  for (const name of (await readdir(folder)).sort()) {
    const id = /^(\d+)\.mp4$/u.exec(name)?.[1];
    if (id === undefined || (onlyIds && !onlyIds.has(id))) continue;
    if (!store.getPost(id) || store.videoFor(id)) continue;
    const source = await seedVideo(root, join(folder, name));
    const target = await resolveInside(store.dataDir, join(videosDir(store.dataDir, hashtag), name));
    await bringIntoDataDir(store.dataDir, source, target);
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
