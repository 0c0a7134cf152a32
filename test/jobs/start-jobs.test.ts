import { type ChildProcess, spawn } from "node:child_process";
import { once } from "node:events";
import { mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { API_ROUTES } from "../../shared/api/contract.ts";
import { type Job, jobPath } from "../../shared/api/jobs.ts";
import { BIN } from "../cli/cli-harness.ts";
import { type FakeTikTok, startFakeTikTok } from "../fake-tiktok/index.ts";

// The real `start` (its job engine as COMPANION_EXTENSIONS plugs it in) against the fake TikTok: the scraper
// source through `start --proxy`, trusting the fake's certificate the way any Node program can be told to.
let fake: FakeTikTok;
let folder: string;
let env: NodeJS.ProcessEnv;

beforeAll(async () => {
  fake = await startFakeTikTok({ seed: 21, tags: { endless: 400, food: 8 }, pageSize: 12 });
  folder = await mkdtemp(join(tmpdir(), "start-jobs-"));
  await writeFile(join(folder, "fake-ca.pem"), fake.caCertificate);
  env = { ...process.env, NODE_EXTRA_CA_CERTS: join(folder, "fake-ca.pem") };
});

afterAll(async () => {
  await fake.close();
  await rm(folder, { recursive: true, force: true });
});

interface Companion {
  child: ChildProcess;
  url: string;
  call(method: string, path: string, body?: unknown): Promise<Response>;
}

const startCompanion = async (dataDir: string): Promise<Companion> => {
  const child = spawn(
    process.execPath,
    [BIN, "--data-dir", dataDir, "--json", "start", "--port", "0", "--proxy", fake.proxyUrl],
    { stdio: ["ignore", "pipe", "inherit"], env },
  );
  const [firstChunk] = (await once(child.stdout as NodeJS.ReadableStream, "data")) as [Buffer];
  const { url, tokenFile } = JSON.parse(firstChunk.toString("utf8")) as { url: string; tokenFile: string };
  const token = (await readFile(tokenFile, "utf8")).trim();
  return {
    child,
    url,
    call: (method, path, body) =>
      fetch(`${url}${path}`, {
        method,
        headers: { Authorization: `Bearer ${token}`, "Content-Type": "application/json" },
        body: body === undefined ? undefined : JSON.stringify(body),
      }),
  };
};

const getJob = async (companion: Companion, id: number): Promise<Job> =>
  (await (await companion.call("GET", jobPath(API_ROUTES.job, id))).json()) as Job;

const waitForJob = async (companion: Companion, id: number, test: (job: Job) => boolean): Promise<Job> => {
  const deadline = Date.now() + 90_000;
  for (;;) {
    const job = await getJob(companion, id);
    if (test(job)) return job;
    if (Date.now() > deadline) throw new Error(`job ${id} is still ${job.state}`);
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
};

describe("start with the job engine", () => {
  it("on SIGTERM checkpoints the running job and exits 0; after a restart it is interrupted with its reason and the queued job runs", async () => {
    const dataDir = join(folder, "data");
    fake.addFault({ path: "item_list", times: Number.POSITIVE_INFINITY, fault: { kind: "slow", ms: 1500 } });
    const first = await startCompanion(dataDir);
    let running: Job;
    let waiting: Job;
    let exit: Promise<unknown[]>;
    try {
      const created = await first.call("POST", API_ROUTES.jobs, { hashtags: ["endless"], source: "scraper" });
      expect(created.status).toBe(201);
      running = (await created.json()) as Job;
      waiting = (await (
        await first.call("POST", API_ROUTES.jobs, { hashtags: ["food"], source: "scraper" })
      ).json()) as Job;
      await waitForJob(first, running.id, (job) => job.state === "running");
    } finally {
      exit = once(first.child, "close");
      first.child.kill("SIGTERM");
    }
    const stoppedAt = Date.now();
    const [code] = await exit;
    expect(code).toBe(0);
    expect(Date.now() - stoppedAt).toBeLessThan(15_000);

    fake.clearFaults();
    const second = await startCompanion(dataDir);
    try {
      const interrupted = await getJob(second, running.id);
      expect(interrupted).toMatchObject({ state: "interrupted", error: { kind: "interrupted" } });
      expect(interrupted.error?.message).toMatch(/stopped while this job ran.*Queue it again/u);
      const done = await waitForJob(
        second,
        waiting.id,
        (job) => job.state !== "queued" && job.state !== "running",
      );
      expect(done).toMatchObject({ state: "done", progress: [{ hashtag: "food", state: "done" }] });
      expect((done.progress[0]?.postsNew ?? 0) + (done.progress[0]?.postsSeen ?? 0)).toBe(8);
    } finally {
      const closed = once(second.child, "close");
      second.child.kill("SIGTERM");
      expect((await closed)[0]).toBe(0);
    }
  }, 180_000);
});
