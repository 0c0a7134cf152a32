import { lstat, realpath } from "node:fs/promises";
import { basename, dirname, isAbsolute, join, relative, resolve, sep } from "node:path";
import { requireHashtag } from "../../shared/hashtag/hashtag.ts";

export const DATABASE_FILE = "tiktok.db";

export const databasePath = (dataDir: string): string => join(resolve(dataDir), DATABASE_FILE);

/** The database and the files SQLite keeps beside it: writing over any of them destroys the store. */
export const STORE_FILE_SUFFIXES = ["", "-wal", "-shm", "-journal"] as const;

const isWithin = (root: string, target: string): boolean => {
  const fromRoot = relative(root, target);
  return !(fromRoot === ".." || fromRoot.startsWith(`..${sep}`) || isAbsolute(fromRoot));
};

/** Throws unless `path` is `dataDir` itself or inside it. Spelling only: see resolveInside for links. */
export const assertInside = (dataDir: string, path: string): string => {
  const root = resolve(dataDir);
  const target = resolve(root, path);
  if (!isWithin(root, target))
    throw new Error(`Refusing path ${JSON.stringify(path)}: it is outside the data folder ${root}`);
  return target;
};

const isMissing = (error: unknown): boolean => {
  const code = (error as NodeJS.ErrnoException).code;
  return code === "ENOENT" || code === "ENOTDIR";
};

/**
 * Where `path` really is: the real path of its deepest existing part (symbolic links followed) with the parts
 * that do not exist yet appended, so a file about to be created is placed where mkdir and open would put it.
 * Null for a link to nowhere.
 */
export const realLocation = async (path: string): Promise<string | null> => {
  const missing: string[] = [];
  let probe = path;
  for (;;) {
    try {
      await lstat(probe);
    } catch (error) {
      if (!isMissing(error) || dirname(probe) === probe) throw error;
      missing.unshift(basename(probe));
      probe = dirname(probe);
      continue;
    }
    // It exists, yet cannot be resolved: a link to nowhere, which open() with O_CREAT would follow.
    const real = await realpath(probe).catch(() => null);
    return real === null ? null : join(real, ...missing);
  }
};

/**
 * `path` (relative to `root`, or absolute) checked to be inside `root` before any I/O on it: by spelling, and
 * then where it really leads, so a symbolic link (the file itself or any folder on the way) pointing out of
 * `root` is refused too. Returns the absolute path as spelled. `what` names the root in the error.
 */
export const resolveInside = async (
  root: string,
  path: string,
  what = "the data folder",
): Promise<string> => {
  const base = resolve(root);
  const target = resolve(base, path);
  const refuse = (why: string) => new Error(`Refusing path ${JSON.stringify(path)}: ${why} ${what} ${base}`);
  if (!isWithin(base, target)) throw refuse("it is outside");
  const realRoot = await realpath(base).catch((error: unknown) => {
    if (isMissing(error)) return base;
    throw error;
  });
  const real = await realLocation(target);
  if (real === null) throw refuse("it is a symbolic link to nowhere, in");
  if (!isWithin(realRoot, real)) throw refuse("it leads through a symbolic link to outside");
  return target;
};

/** data/<hashtag>: the hashtag is validated, and the result checked to be inside the data folder. */
export const hashtagDir = (dataDir: string, hashtag: string): string =>
  assertInside(dataDir, requireHashtag(hashtag));

export const videosDir = (dataDir: string, hashtag: string): string =>
  join(hashtagDir(dataDir, hashtag), "videos");

export const plotsDir = (dataDir: string, hashtag: string): string =>
  join(hashtagDir(dataDir, hashtag), "plots");
