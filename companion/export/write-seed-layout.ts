import { constants, existsSync } from "node:fs";
import { copyFile, mkdir, readFile, rename } from "node:fs/promises";
import { join, resolve } from "node:path";
import { toItemStruct } from "../../shared/export/to-item-struct.ts";
import { toScraperItem } from "../../shared/export/to-scraper-item.ts";
import { isObject } from "../../shared/post/coerce.ts";
import type { Post } from "../../shared/post/post.ts";
import { UserError } from "../cli/user-error.ts";
import { writeFileAtomically } from "../cli/write-file.ts";
import { hashtagDir, resolveInside } from "../store/paths.ts";
import type { CompanionStore, TimeRange } from "../store/post-store.ts";

function* jsonList(posts: Iterable<Post>, toItem: (post: Post) => unknown): Generator<string> {
  let first = true;
  yield "[";
  for (const post of posts) {
    yield `${first ? "" : ", "}${JSON.stringify(toItem(post))}`;
    first = false;
  }
  yield "]";
}

/**
 * Adds ids under the hashtag in the seed's {hashtag: [ids]} file, keeping what other hashtags have there.
 * A Map, because hashtags are user data: `__proto__` set on a plain object changes its prototype and vanishes.
 */
const mergeIds = async (file: string, hashtag: string, ids: string[]): Promise<void> => {
  let existing = new Map<string, unknown>();
  if (existsSync(file)) {
    try {
      const parsed: unknown = JSON.parse(await readFile(file, "utf8"));
      if (isObject(parsed)) existing = new Map(Object.entries(parsed));
      else throw new Error("not an object");
    } catch (error) {
      throw new UserError(
        `Cannot add to ${file}: it is not the seed's ids file (${(error as Error).message})`,
      );
    }
  }
  const previous = existing.get(hashtag);
  const before = Array.isArray(previous) ? previous.map(String) : [];
  existing.set(hashtag, [...new Set([...before, ...ids])]);
  // fromEntries defines own properties, so "__proto__" is written out like any other key.
  await writeFileAtomically(file, [JSON.stringify(Object.fromEntries(existing))]);
};

/** Copies the stored videos of these posts to <out>/<hashtag>/videos/<id>.mp4; returns the ids copied. */
const copyVideos = async (
  store: CompanionStore,
  ids: string[],
  outDir: string,
  videosOut: string,
): Promise<string[]> => {
  const copied: string[] = [];
  for (const id of ids) {
    const video = store.videoFor(id);
    // Read only from inside the data folder, written only inside the export folder, links included.
    const source = video && (await resolveInside(store.dataDir, video.path));
    if (!source || !existsSync(source)) continue;
    const target = await resolveInside(outDir, join(videosOut, `${id}.mp4`), "the export folder");
    if (resolve(target) !== source) {
      const part = await resolveInside(outDir, `${target}.part`, "the export folder");
      await mkdir(videosOut, { recursive: true });
      await copyFile(source, part, constants.COPYFILE_FICLONE);
      await rename(part, target);
    }
    copied.push(id);
  }
  return copied;
};

/**
 * Writes a hashtag in the seed's folder layout, for scripts written against it: <out>/<tag>/posts/data.json
 * (tiktok-scraper items, as the first versions wrote), <out>/<tag>/posts.json (web items, as later versions
 * wrote), <out>/<tag>/videos/<id>.mp4, and the ids in <out>/ids/post_ids.json and video_ids.json.
 */
export const writeSeedLayout = async (
  store: CompanionStore,
  hashtag: string,
  outDir: string,
  range: TimeRange,
  onPost: () => void,
): Promise<{ posts: number; videos: number }> => {
  const folder = hashtagDir(outDir, hashtag);
  const ids: string[] = [];
  const counted = function* () {
    for (const post of store.postsForHashtag(hashtag, range)) {
      ids.push(post.id);
      onPost();
      yield post;
    }
  };
  const inside = (path: string) => resolveInside(outDir, path, "the export folder");
  await writeFileAtomically(
    await inside(join(folder, "posts", "data.json")),
    jsonList(counted(), toScraperItem),
  );
  await writeFileAtomically(
    await inside(join(folder, "posts.json")),
    jsonList(store.postsForHashtag(hashtag, range), toItemStruct),
  );
  const videos = await copyVideos(store, ids, outDir, join(folder, "videos"));
  await mergeIds(await inside(join(outDir, "ids", "post_ids.json")), hashtag, ids);
  await mergeIds(await inside(join(outDir, "ids", "video_ids.json")), hashtag, videos);
  return { posts: ids.length, videos: videos.length };
};
