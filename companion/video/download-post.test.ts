import { mkdir, mkdtemp, readdir, rm, symlink } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { Dispatcher } from "undici";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import type { Post } from "../../shared/post/post.ts";
import { withPoliteness } from "../collectors/politeness/politeness.ts";
import type { CompanionStore } from "../store/post-store.ts";
import { openSqliteStore } from "../store/sqlite-store.ts";
import { makePost } from "../store/testing/make-post.ts";
import { downloadMedia } from "./download-media.ts";
import { downloadPost } from "./download-post.ts";
import type { MediaSession } from "./media-session.ts";

let parent: string;
let data: string;
let store: CompanionStore;
let requested: string[];

// Every network step goes through the session first: a call here means the download got as far as asking.
const session: MediaSession = {
  headersFor: async (url) => {
    requested.push(url);
    throw new Error("no request should be made");
  },
  refreshPost: async () => null,
};
const options = () => ({
  store,
  hashtag: "travel",
  session,
  dispatcher: {} as Dispatcher,
  politeness: withPoliteness({ delayMs: { min: 0, max: 0 } }),
});

const withMedia = (post: Post, id: string): Post => ({
  ...post,
  id,
  video: { ...post.video, downloadAddr: "https://v16-webapp-prime.tiktok.com/video/tos/1/download.mp4" },
});

/** Every file and folder under `root`, as relative paths. */
const tree = async (root: string): Promise<string[]> =>
  (await readdir(root, { recursive: true })).map(String).sort();

beforeEach(async () => {
  parent = await mkdtemp(join(tmpdir(), "download-post-"));
  data = join(parent, "data");
  await mkdir(data);
  store = openSqliteStore(data);
  requested = [];
});

afterEach(async () => {
  store.close();
  await rm(parent, { recursive: true, force: true });
});

describe("downloadPost refuses to write outside the data folder", () => {
  it.each([
    "../../../../tmp/x",
    "../../../escaped",
    "/tmp/x",
    "7300000000000000401/../../x",
    "１２３",
    "123\u0000",
    "",
    "123456789012345678901",
  ])("a post whose id is %j: failed with the reason, no request, no file", async (id) => {
    const post = withMedia(makePost({ id: "7300000000000000001", hashtags: ["travel"] }), id);
    const outcome = await downloadPost(post, options());
    expect(outcome).toMatchObject({
      status: "failed",
      reason: expect.stringMatching(/^refusing to download/u),
    });
    expect(requested).toEqual([]);
    expect(await readdir(parent)).toEqual(["data"]);
    expect((await tree(data)).filter((path) => !path.startsWith("tiktok.db"))).toEqual([]);
  });

  it("reports a hostile id among good posts as that post's failure (downloadMedia)", async () => {
    const post = withMedia(makePost({ id: "7300000000000000001", hashtags: ["travel"] }), "../../../escaped");
    const summary = await downloadMedia([post], { ...options(), concurrency: 2 });
    expect(summary.failed).toEqual([
      {
        postId: "../../../escaped",
        reason: 'refusing to download its media: the id "../../../escaped" is not a string of digits',
      },
    ]);
    expect(await tree(parent)).not.toContain("escaped.mp4");
  });

  it("refuses a videos folder that is a symbolic link to outside, before creating or requesting anything", async () => {
    const outside = join(parent, "outside");
    await mkdir(outside);
    await mkdir(join(data, "travel"), { recursive: true });
    await symlink(outside, join(data, "travel", "videos"));
    const post = withMedia(
      makePost({ id: "7300000000000000001", hashtags: ["travel"] }),
      "7300000000000000001",
    );
    await expect(downloadPost(post, options())).rejects.toThrow(
      /leads through a symbolic link to outside the data folder/u,
    );
    expect(requested).toEqual([]);
    expect(await readdir(outside)).toEqual([]);
  });

  it("refuses a .part file left as a link to outside", async () => {
    const videos = join(data, "travel", "videos");
    await mkdir(videos, { recursive: true });
    await symlink(join(parent, "victim"), join(videos, "7300000000000000001.mp4.part"));
    const post = withMedia(
      makePost({ id: "7300000000000000001", hashtags: ["travel"] }),
      "7300000000000000001",
    );
    await expect(downloadPost(post, options())).rejects.toThrow(/symbolic link to nowhere/u);
    expect(requested).toEqual([]);
    expect(await tree(parent)).not.toContain("victim");
  });
});
