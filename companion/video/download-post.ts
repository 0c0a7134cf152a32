import { rm, stat } from "node:fs/promises";
import { join, relative } from "node:path";
import type { Dispatcher } from "undici";
import type { Post } from "../../shared/post/post.ts";
import { postIdProblem } from "../../shared/post/post-id.ts";
import type { Politeness } from "../collectors/politeness/politeness.ts";
import { resolveInside, videosDir } from "../store/paths.ts";
import type { PostStore } from "../store/post-store.ts";
import { type DownloadedFile, downloadFile, MediaUnavailableError } from "./download-file.ts";
import { fileExists, sha256File } from "./durable-file.ts";
import { type MediaFile, mediaPlan } from "./media-plan.ts";
import type { MediaSession } from "./media-session.ts";

export interface PostDownloadOptions {
  store: PostStore;
  hashtag: string;
  session: MediaSession;
  dispatcher: Dispatcher;
  politeness: Politeness;
  signal?: AbortSignal;
}

export type MediaOutcome =
  | { postId: string; status: "downloaded"; files: number; bytes: number; resumed: boolean }
  | { postId: string; status: "skipped" }
  | { postId: string; status: "failed"; reason: string };

/**
 * Each URL of a file may be a different rendition (downloadAddr is watermarked, playAddr is not), so each has
 * its own .part: resuming one with the other's bytes would splice two files into one of the right size.
 */
const partFor = (destination: string, urlIndex: number): string =>
  urlIndex === 0 ? `${destination}.part` : `${destination}.${urlIndex}.part`;

/** Tries each URL of a file in turn; a 403 usually means the signed URL expired, which the caller can fix. */
const fetchFirstWorking = async (
  file: MediaFile,
  destination: string,
  options: PostDownloadOptions,
): Promise<DownloadedFile> => {
  let lastError: unknown = new Error(`no URL for ${file.fileName}`);
  for (const [index, url] of file.urls.entries()) {
    try {
      const done = await downloadFile({
        url,
        destination,
        // A .part left as a link to elsewhere would be written through; it is checked like the file itself.
        part: await resolveInside(options.store.dataDir, partFor(destination, index)),
        headers: await options.session.headersFor(url),
        dispatcher: options.dispatcher,
        politeness: options.politeness,
        label: `${file.kind} ${file.fileName}`,
        signal: options.signal,
      });
      // The other renditions' leftovers are of no more use.
      await Promise.all(
        file.urls.map((_, other) =>
          other === index ? null : rm(partFor(destination, other), { force: true }),
        ),
      );
      return done;
    } catch (error) {
      if (!(error instanceof MediaUnavailableError)) throw error;
      lastError = error;
    }
  }
  throw lastError;
};

/** A file a finished earlier run left in place; whole by construction, since only verified files are renamed. */
const existingFile = async (path: string): Promise<DownloadedFile | null> =>
  (await fileExists(path))
    ? { path, size: (await stat(path)).size, sha256: await sha256File(path), rangeStarts: [] }
    : null;

const complete = (plan: MediaFile[]): boolean =>
  plan.length > 0 && plan.every((file) => file.urls.length > 0);

/**
 * One post's media: skipped when recorded and in place; otherwise every file of its plan is fetched (or taken
 * from disk when an earlier run finished it) and the post recorded. Errors are thrown for the caller to report.
 */
export const downloadPost = async (post: Post, options: PostDownloadOptions): Promise<MediaOutcome> => {
  const { store, hashtag } = options;
  // The id becomes the file name: whatever let a non-id through upstream, it never becomes a path here.
  const idProblem = postIdProblem(post.id);
  if (idProblem !== null)
    return { postId: post.id, status: "failed", reason: `refusing to download its media: ${idProblem}` };
  const folder = videosDir(store.dataDir, hashtag);
  const recorded = store.videoFor(post.id);
  if (recorded) {
    const onDisk = await stat(await resolveInside(store.dataDir, recorded.path)).catch(() => null);
    if (onDisk?.size === recorded.size) return { postId: post.id, status: "skipped" };
  }
  let plan = mediaPlan(post);
  let refreshed = false;
  if (!complete(plan)) {
    // Some sources leave media out (tiktok-scraper drops gallery images); the post's page has it all.
    refreshed = true;
    const fresh = await options.session.refreshPost(post);
    plan = fresh ? mediaPlan(fresh) : plan;
    if (!complete(plan))
      return {
        postId: post.id,
        status: "failed",
        reason: "no media URL stored, and none on the post's page",
      };
  }

  const files: DownloadedFile[] = [];
  for (let index = 0; index < plan.length; index += 1) {
    const file = plan[index] as MediaFile;
    const destination = await resolveInside(store.dataDir, join(folder, file.fileName));
    const done = recorded ? null : await existingFile(destination);
    if (done) {
      files.push(done);
      continue;
    }
    try {
      files.push(await fetchFirstWorking(file, destination, options));
    } catch (error) {
      if (!(error instanceof MediaUnavailableError) || error.status !== 403 || refreshed) throw error;
      // Signed CDN URLs expire; the post's page hands out fresh ones.
      refreshed = true;
      const fresh = await options.session.refreshPost(post);
      if (!fresh)
        throw new MediaUnavailableError(
          403,
          `${file.kind} ${file.fileName}: the CDN refused the stored URL (403, probably expired) and the post's page could not be re-read`,
        );
      plan = mediaPlan(fresh);
      index -= 1;
    }
  }
  const main = files[0] as DownloadedFile;
  store.recordVideo({
    postId: post.id,
    hashtag,
    path: relative(store.dataDir, main.path).split("\\").join("/"),
    size: main.size,
    sha256: main.sha256,
    downloadedAt: new Date().toISOString(),
  });
  return {
    postId: post.id,
    status: "downloaded",
    files: files.length,
    bytes: files.reduce((sum, file) => sum + file.size, 0),
    resumed: files.some((file) => file.rangeStarts.length > 0),
  };
};
