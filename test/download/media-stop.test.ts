import { mkdtemp, readdir, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { openSqliteStore } from "../../companion/store/sqlite-store.ts";
import { type FakeTikTok, startFakeTikTok, VIDEO_CDN_HOST } from "../fake-tiktok/index.ts";
import { startCli, waitFor } from "./run-cli.ts";

let fake: FakeTikTok;
let folder: string;
let env: NodeJS.ProcessEnv;

beforeAll(async () => {
  fake = await startFakeTikTok({ seed: 8, tags: { stop: 10 } });
  folder = await mkdtemp(join(tmpdir(), "media-stop-"));
  await writeFile(join(folder, "fake-ca.pem"), fake.caCertificate);
  env = { NODE_EXTRA_CA_CERTS: join(folder, "fake-ca.pem") };
});

afterAll(async () => {
  await fake.close();
  await rm(folder, { recursive: true, force: true });
});

describe("Ctrl+C during the media download", () => {
  it("says how many finished and that the rest resume next time", async () => {
    fake.addFault({
      host: VIDEO_CDN_HOST,
      path: "/video/tos/",
      times: Number.POSITIVE_INFINITY,
      fault: { kind: "slow", ms: 700 },
    });
    const data = join(folder, "data");
    const source = ["--source", "scraper", "--proxy", fake.proxyUrl, "--delay", "0", "--concurrency", "1"];
    const cli = startCli(["--data-dir", data, "download", "stop", "-p", "-v", ...source], env);
    const videos = join(data, "stop", "videos");
    await waitFor(
      async () => {
        const files = await readdir(videos).catch(() => []);
        return files.some((file) => file.endsWith(".mp4")) ? true : null;
      },
      45_000,
      "a first video",
    );
    cli.kill("SIGINT");
    const result = await cli.result;
    expect(result.code).toBe(130);
    const store = openSqliteStore(data);
    let finished: number;
    let left: number;
    try {
      left = store.postsWithoutVideo("stop").length;
      finished = store.countPosts("stop") - left;
    } finally {
      store.close();
    }
    expect(finished).toBeGreaterThanOrEqual(1);
    expect(left).toBeGreaterThanOrEqual(1);
    expect(result.stderr).toContain(
      `Stopped while downloading the media of #stop: ${finished} videos finished and are stored; the other ${left} resume next time with -v`,
    );
    expect(result.stdout).not.toContain("Successfully scraped");
  });
});
