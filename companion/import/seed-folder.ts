import { existsSync, readdirSync, realpathSync, statSync } from "node:fs";
import { basename, dirname, join } from "node:path";
import { parseHashtag } from "../../shared/hashtag/hashtag.ts";
import { UserError } from "../cli/user-error.ts";
import { assertInside } from "../store/paths.ts";

/** What the seed (bellingcat/tiktok-hashtag-analysis) left in one data folder. */
export interface SeedLayout {
  /** The folder holding <hashtag>/ folders (and ids/). */
  root: string;
  hashtags: { hashtag: string; files: string[] }[];
  postIds: string | null;
  videoIds: string | null;
}

/** Older versions wrote posts/data.json (tiktok-scraper items), newer ones posts.json (web ItemStructs). */
const POST_FILES = [join("posts", "data.json"), "posts.json"];

const postFiles = (folder: string): string[] =>
  POST_FILES.map((file) => join(folder, file)).filter((file) => existsSync(file));

const existing = (file: string): string | null => (existsSync(file) ? file : null);

/** A <hashtag> folder linked from elsewhere would import (and copy videos from) outside what was named. */
const requireInsideRoot = (root: string, folder: string): void => {
  try {
    assertInside(realpathSync(root), realpathSync(folder));
  } catch {
    throw new UserError(`Seed folder ${folder} is a symbolic link to outside ${root}: not importing it`);
  }
};

const hashtagOfFolder = (folder: string): string => {
  const result = parseHashtag(basename(folder));
  if (!result.ok) throw new UserError(`Seed folder ${folder} is not named after a hashtag: ${result.error}`);
  return result.hashtag;
};

/**
 * Reads the layout of a seed data folder, or of one of its <hashtag> folders. Folder names are validated
 * before anything is imported, so a bad one stops the import before it starts.
 */
export const readSeedLayout = (folder: string): SeedLayout => {
  const own = postFiles(folder);
  if (own.length > 0) {
    const root = dirname(folder);
    return {
      root,
      hashtags: [{ hashtag: hashtagOfFolder(folder), files: own }],
      postIds: null,
      videoIds: null,
    };
  }
  const hashtags = readdirSync(folder)
    .sort()
    .map((name) => join(folder, name))
    .filter((path) => basename(path) !== "ids" && statSync(path).isDirectory() && postFiles(path).length > 0)
    .map((path) => {
      requireInsideRoot(folder, path);
      return { hashtag: hashtagOfFolder(path), files: postFiles(path) };
    });
  const postIds = existing(join(folder, "ids", "post_ids.json"));
  const videoIds = existing(join(folder, "ids", "video_ids.json"));
  if (hashtags.length === 0 && postIds === null)
    throw new UserError(
      `${folder} is not a seed data folder: expected <hashtag>/posts/data.json or <hashtag>/posts.json inside it`,
    );
  return { root: folder, hashtags, postIds, videoIds };
};
