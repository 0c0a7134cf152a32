import { createHash } from "node:crypto";
import { mkdir, mkdtemp, readdir, readFile, rm, stat, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { Dispatcher } from "undici";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { withPoliteness } from "../../companion/collectors/politeness/politeness.ts";
import type { CompanionStore } from "../../companion/store/post-store.ts";
import { openSqliteStore } from "../../companion/store/sqlite-store.ts";
import { createDispatcher } from "../../companion/video/dispatcher.ts";
import { downloadMedia, type MediaOutcome } from "../../companion/video/download-media.ts";
import { openHttpSession } from "../../companion/video/http-session.ts";
import type { MediaSession } from "../../companion/video/media-session.ts";
import { parseDocument } from "../../shared/post/parse-any.ts";
import { isGallery, type Post } from "../../shared/post/post.ts";
import { type FakeTikTok, startFakeTikTok, VIDEO_CDN_HOST } from "../fake-tiktok/index.ts";

let fake: FakeTikTok;
let folder: string;
let store: CompanionStore;
let dispatcher: Dispatcher;
let session: MediaSession;
const politeness = withPoliteness({
  delayMs: { min: 0, max: 0 },
  backoff: { baseMs: 20, maxMs: 100 },
  maxAttempts: 4,
});

const postsOf = (tag: string): Post[] =>
  parseDocument({ itemList: fake.corpus.posts(tag) }).flatMap((result) => (result.ok ? [result.post] : []));
const sha256 = (bytes: Buffer) => createHash("sha256").update(bytes).digest("hex");
const cdnRequests = () => fake.requests.filter((request) => request.host === VIDEO_CDN_HOST);
interface DownloadTestOptions {
  concurrency?: number;
  with?: MediaSession;
  onPost?: (outcome: MediaOutcome) => void;
}
const download = (posts: Post[], hashtag: string, options: DownloadTestOptions = {}) => {
  const outcomes: MediaOutcome[] = [];
  const summary = downloadMedia(posts, {
    store,
    hashtag,
    session: options.with ?? session,
    dispatcher,
    politeness,
    concurrency: options.concurrency ?? 2,
    onPost: (outcome) => {
      outcomes.push(outcome);
      options.onPost?.(outcome);
    },
  });
  return summary.then((result) => ({ ...result, outcomes }));
};

beforeAll(async () => {
  fake = await startFakeTikTok({
    seed: 3,
    tags: { travel: 24, food: 6, slow: 6, expired: 4, nosession: 2, renditions: 6 },
  });
  folder = await mkdtemp(join(tmpdir(), "download-media-"));
  store = openSqliteStore(folder);
  for (const tag of ["travel", "food", "slow", "expired", "nosession", "renditions"])
    store.upsertPosts(tag, postsOf(tag));
  // The fake's certificate is trusted explicitly and every TikTok host reaches it through its proxy.
  dispatcher = createDispatcher({ proxy: fake.proxyUrl, ca: fake.caCertificate });
  session = await openHttpSession({ dispatcher, politeness });
});

afterAll(async () => {
  store.close();
  await dispatcher.close();
  await fake.close();
  await rm(folder, { recursive: true, force: true });
});

beforeEach(() => {
  fake.reset();
});

describe("downloadMedia against the fake", () => {
  it("downloads every video and gallery of a hashtag, verified and recorded, with the session's cookies", async () => {
    const posts = store.postsWithoutVideo("travel");
    const summary = await download(posts, "travel");
    expect(summary.failed).toEqual([]);
    expect(summary.downloaded).toBe(posts.length);
    const files = await readdir(join(folder, "travel", "videos"));
    expect(files.filter((file) => file.endsWith(".part"))).toEqual([]);
    for (const post of posts) {
      const recorded = store.videoFor(post.id);
      if (isGallery(post)) {
        expect(files.filter((file) => file.startsWith(`${post.id}_`))).toHaveLength(post.images.length);
        expect(files).toContain(`${post.id}.mp3`);
        expect(recorded?.path).toBe(`travel/videos/${post.id}_00.jpg`);
        continue;
      }
      const bytes = await readFile(join(folder, "travel", "videos", `${post.id}.mp4`));
      expect(bytes.equals(fake.corpus.videoBytes(post.id))).toBe(true);
      expect(recorded).toMatchObject({
        path: `travel/videos/${post.id}.mp4`,
        size: bytes.length,
        sha256: sha256(bytes),
      });
    }
    expect(posts.some(isGallery)).toBe(true);
    expect(cdnRequests().every((request) => request.status === 200)).toBe(true);
    expect(cdnRequests().every((request) => request.headers.referer === "https://www.tiktok.com/")).toBe(
      true,
    );
  });

  it("skips what is already downloaded when run again", async () => {
    const posts = postsOf("travel");
    const summary = await download(posts, "travel");
    expect(summary).toMatchObject({ downloaded: 0, skipped: posts.length, failed: [] });
    expect(cdnRequests()).toEqual([]);
    expect(store.postsWithoutVideo("travel")).toEqual([]);
  });

  it("resumes a video cut mid-transfer with a Range request and verifies it", async () => {
    const video = postsOf("food").find((post) => !isGallery(post))!;
    fake.addFault({
      host: VIDEO_CDN_HOST,
      path: `/video/tos/${video.id}/`,
      fault: { kind: "cut-video", afterBytes: 8000 },
    });
    const summary = await download(store.postsWithoutVideo("food"), "food");
    expect(summary.failed).toEqual([]);
    const requests = cdnRequests().filter((request) => request.path.includes(video.id));
    expect(requests.map((request) => request.headers.range ?? "none")).toEqual([
      "none",
      expect.stringMatching(/^bytes=[1-9]\d*-$/u),
    ]);
    expect(requests.map((request) => request.status)).toEqual([200, 206]);
    expect(summary.outcomes.find((outcome) => outcome.postId === video.id)).toMatchObject({
      status: "downloaded",
      resumed: true,
    });
    const bytes = await readFile(join(folder, "food", "videos", `${video.id}.mp4`));
    expect(sha256(bytes)).toBe(sha256(fake.corpus.videoBytes(video.id)));
    expect(store.videoFor(video.id)?.sha256).toBe(sha256(bytes));
  });

  it("keeps at most --concurrency downloads going", async () => {
    const posts = store.postsWithoutVideo("slow").filter((post) => !isGallery(post));
    expect(posts.length).toBeGreaterThanOrEqual(4);
    fake.addFault({
      host: VIDEO_CDN_HOST,
      path: "/video/tos/",
      times: Number.POSITIVE_INFINITY,
      fault: { kind: "slow", ms: 400 },
    });
    let running = 0;
    let peak = 0;
    const counting: MediaSession = {
      headersFor: async (url) => {
        running += 1;
        peak = Math.max(peak, running);
        return session.headersFor(url);
      },
      refreshPost: (post) => session.refreshPost(post),
    };
    const started = performance.now();
    const summary = await download(posts, "slow", {
      concurrency: 2,
      with: counting,
      onPost: () => (running -= 1),
    });
    expect(summary.downloaded).toBe(posts.length);
    expect(peak).toBe(2);
    expect(performance.now() - started).toBeGreaterThanOrEqual(Math.ceil(posts.length / 2) * 400 - 50);
  });

  it("re-reads the post's page when a stored media URL has expired (403)", async () => {
    const posts = store.postsWithoutVideo("expired").filter((post) => !isGallery(post));
    // Signed CDN URLs stop working after a while; the CDN then answers 403 whatever the cookies.
    const stale = posts.map((post) => ({
      ...post,
      video: { ...post.video, downloadAddr: `${post.video.downloadAddr}&x-expired=1`, playAddr: null },
    }));
    const expiring: MediaSession = {
      headersFor: async (url) =>
        url.includes("x-expired") ? { referer: "https://www.tiktok.com/" } : session.headersFor(url),
      refreshPost: (post) => session.refreshPost(post),
    };
    const summary = await download(stale, "expired", { with: expiring });
    expect(summary.failed).toEqual([]);
    expect(summary.downloaded).toBe(posts.length);
    const statuses = cdnRequests().map((request) => request.status);
    expect(statuses.sort()).toEqual([...posts.map(() => 200), ...posts.map(() => 403)]);
    expect(
      fake.requests.filter(
        (request) => request.path.includes("/video/") && request.host === "www.tiktok.com",
      ),
    ).toHaveLength(posts.length);
  });

  it("never resumes one rendition's partial bytes with another URL's", async () => {
    const [post] = store.postsWithoutVideo("renditions").filter((item) => !isGallery(item));
    expect(post).toBeDefined();
    const videos = join(folder, "renditions", "videos");
    // An earlier run got part of downloadAddr (a watermarked rendition, other bytes); now that URL is refused.
    await mkdir(videos, { recursive: true });
    await writeFile(join(videos, `${post!.id}.mp4.part`), Buffer.alloc(5000, 0xab));
    const refused = {
      ...post!,
      video: { ...post!.video, downloadAddr: `${post!.video.downloadAddr}&x-expired=1` },
    };
    const expiring: MediaSession = {
      headersFor: async (url) =>
        url.includes("x-expired") ? { referer: "https://www.tiktok.com/" } : session.headersFor(url),
      refreshPost: async () => null,
    };
    const summary = await download([refused], "renditions", { with: expiring });
    expect(summary.failed).toEqual([]);
    expect(summary.downloaded).toBe(1);
    const bytes = await readFile(join(videos, `${post!.id}.mp4`));
    expect(sha256(bytes)).toBe(sha256(fake.corpus.videoBytes(post!.id)));
    expect((await readdir(videos)).filter((name) => name.endsWith(".part"))).toEqual([]);
  });

  it("reports clearly when the CDN refuses and the page cannot be re-read, leaving no file", async () => {
    const [post] = store.postsWithoutVideo("nosession").filter((item) => !isGallery(item));
    expect(post).toBeDefined();
    const anonymous: MediaSession = { headersFor: async () => ({}), refreshPost: async () => null };
    const summary = await download([post!], "nosession", { with: anonymous });
    expect(summary.downloaded).toBe(0);
    expect(summary.failed).toEqual([
      {
        postId: post!.id,
        reason: `video ${post!.id}.mp4: the CDN refused the stored URL (403, probably expired) and the post's page could not be re-read`,
      },
    ]);
    await expect(stat(join(folder, "nosession", "videos", `${post!.id}.mp4`))).rejects.toThrow();
    expect(store.videoFor(post!.id)).toBeUndefined();
  });
});
