import { isAbsolute, join, relative, resolve, sep } from "node:path";
import { requireHashtag } from "../../shared/hashtag/hashtag.ts";

export const DATABASE_FILE = "tiktok.db";

export const databasePath = (dataDir: string): string => join(resolve(dataDir), DATABASE_FILE);

/** Throws unless `path` is `dataDir` itself or inside it. */
export const assertInside = (dataDir: string, path: string): string => {
  const root = resolve(dataDir);
  const target = resolve(root, path);
  const fromRoot = relative(root, target);
  if (fromRoot === ".." || fromRoot.startsWith(`..${sep}`) || isAbsolute(fromRoot))
    throw new Error(`Refusing path ${JSON.stringify(path)}: it is outside the data folder ${root}`);
  return target;
};

/** data/<hashtag>: the hashtag is validated, and the result checked to be inside the data folder. */
export const hashtagDir = (dataDir: string, hashtag: string): string =>
  assertInside(dataDir, requireHashtag(hashtag));

export const videosDir = (dataDir: string, hashtag: string): string =>
  join(hashtagDir(dataDir, hashtag), "videos");

export const plotsDir = (dataDir: string, hashtag: string): string =>
  join(hashtagDir(dataDir, hashtag), "plots");
