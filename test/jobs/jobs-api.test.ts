import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { createJobEngine, type JobEngine } from "../../companion/jobs/job-engine.ts";
import type { JobTools } from "../../companion/jobs/job-runner.ts";
import type { CompanionStore } from "../../companion/store/post-store.ts";
import { openSqliteStore } from "../../companion/store/sqlite-store.ts";
import { API_ROUTES } from "../../shared/api/contract.ts";
import { type Job, jobPath } from "../../shared/api/jobs.ts";
import { SyncPage } from "../../shared/api/sync.ts";
import { type FakeTikTok, startFakeTikTok } from "../fake-tiktok/index.ts";
import { type EngineServer, openEvents, serveEngine } from "./engine-server.ts";
import { fakeJobTools } from "./fake-job-tools.ts";

let fake: FakeTikTok;
let tools: JobTools;
let folder: string;
let store: CompanionStore;
let engine: JobEngine;
let server: EngineServer;

const ids = (tag: string) => fake.corpus.posts(tag).map((post) => String(post.id));

const boot = async () => {
  store = openSqliteStore(folder);
  engine = createJobEngine({ store, tools, followSource: "browser" });
  engine.start();
  server = await serveEngine(engine);
};

const shutdown = async () => {
  await server.close();
  await engine.stop();
  store.close();
};

const post = async (path: string, body?: unknown): Promise<Response> =>
  fetch(`${server.url}${path}`, {
    method: "POST",
    headers: { "Content-Type": "application/json" },
    body: body === undefined ? undefined : JSON.stringify(body),
  });

const get = async <T>(path: string): Promise<T> => {
  const response = await fetch(`${server.url}${path}`);
  expect(response.status).toBe(200);
  return (await response.json()) as T;
};

const allChanges = async (): Promise<SyncPage> => {
  const page = SyncPage.parse(await get(`${API_ROUTES.sync}?cursor=0&limit=1000`));
  expect(page.hasMore).toBe(false);
  return page;
};

beforeAll(async () => {
  fake = await startFakeTikTok({ seed: 21, tags: { travel: 24, food: 8, endless: 400 }, pageSize: 12 });
  tools = fakeJobTools(fake);
});

afterAll(async () => {
  await tools.dispatcher.close();
  await fake.close();
});

beforeEach(async () => {
  folder = await mkdtemp(join(tmpdir(), "jobs-api-"));
  fake.clearFaults();
  await boot();
});

afterEach(async () => {
  await shutdown();
  await rm(folder, { recursive: true, force: true });
});

describe("jobs over HTTP against the fake TikTok", () => {
  it("runs a job end to end, streaming its progress as SSE that resumes with Last-Event-ID", async () => {
    const stream = await openEvents(`${server.url}${API_ROUTES.jobsEvents}`);
    const created = await post(API_ROUTES.jobs, { hashtags: ["#Travel", "food"], videos: true, limit: 1000 });
    expect(created.status).toBe(201);
    const job = (await created.json()) as Job;
    expect(job).toMatchObject({ state: "queued", hashtags: ["travel", "food"], origin: "api" });

    const finished = await stream.until(
      (event) => event.jobId === job.id && event.kind === "finished",
      120_000,
    );
    stream.close();
    const final = finished.job;
    expect(final.state).toBe("done");
    expect(final.error).toBeNull();
    const travel = final.progress.find((entry) => entry.hashtag === "travel");
    const food = final.progress.find((entry) => entry.hashtag === "food");
    expect(travel).toMatchObject({
      state: "done",
      postsNew: 24,
      videosDone: 24,
      videosTotal: 24,
      error: null,
    });
    const foodOnly = ids("food").filter((id) => !ids("travel").includes(id)).length;
    expect(food).toMatchObject({
      state: "done",
      postsNew: foodOnly,
      postsSeen: 8 - foodOnly,
      videosDone: foodOnly,
    });

    const mine = stream.events.filter((event) => event.jobId === job.id);
    const kinds = mine.map((event) => event.kind);
    expect(kinds[0]).toBe("queued");
    expect(kinds[1]).toBe("started");
    expect(kinds.filter((kind) => kind === "progress").length).toBeGreaterThan(4);
    expect(mine.map((event) => event.message)).toContain(
      "Scraped 24 posts containing the hashtag 'travel' (24 new)",
    );
    const seqs = mine.map((event) => event.seq);
    expect(seqs).toEqual([...seqs].sort((a, b) => a - b));
    expect(new Set(seqs).size).toBe(seqs.length);

    // A client that dropped out after the 5th event gets exactly the rest, from the stored log.
    const resumed = await openEvents(`${server.url}${jobPath(API_ROUTES.jobEvents, job.id)}`, seqs[4]);
    await resumed.until((event) => event.kind === "finished");
    resumed.close();
    expect(resumed.events.map((event) => event.seq)).toEqual(seqs.slice(5));

    expect(await get<Job>(jobPath(API_ROUTES.job, job.id))).toEqual(final);
    const page = await allChanges();
    expect(new Set(page.posts.map((p) => p.id))).toEqual(new Set([...ids("travel"), ...ids("food")]));
    expect(page.links.filter((link) => link.hashtag === "travel")).toHaveLength(24);
    expect(page.videos.length).toBe(24 + foodOnly);
    expect(page.runs.map((run) => run.hashtag).sort()).toEqual(["food", "travel"]);
    const runs = await get<{ runs: { postsNew: number }[] }>(`/api/hashtags/travel/runs`);
    expect(runs.runs).toMatchObject([{ postsNew: 24 }]);
  }, 180_000);

  it("cancels a running job within seconds and keeps what it collected", async () => {
    const stream = await openEvents(`${server.url}${API_ROUTES.jobsEvents}`);
    fake.addFault({ path: "item_list", times: Number.POSITIVE_INFINITY, fault: { kind: "slow", ms: 700 } });
    const job = (await (await post(API_ROUTES.jobs, { hashtags: ["endless"] })).json()) as Job;
    await stream.until((event) => event.jobId === job.id && (event.job.progress[0]?.postsNew ?? 0) > 0);
    const started = Date.now();
    const response = await post(jobPath(API_ROUTES.jobCancel, job.id));
    const cancelled = (await response.json()) as Job;
    expect(Date.now() - started).toBeLessThan(5000);
    expect(cancelled.state).toBe("cancelled");
    expect(cancelled.progress[0]?.state).toBe("cancelled");
    const stored = store.countPosts("endless");
    expect(stored).toBeGreaterThan(0);
    expect(stored).toBeLessThan(400);
    expect(cancelled.progress[0]?.postsNew).toBe(stored);
    expect(store.runs("endless")[0]?.error).toBe("interrupted before the end");
    expect((await post(jobPath(API_ROUTES.jobCancel, job.id))).status).toBe(409);
    stream.close();
  }, 120_000);

  it("checkpoints the running job on shutdown, and after a crash marks it interrupted while queued jobs still run", async () => {
    const stream = await openEvents(`${server.url}${API_ROUTES.jobsEvents}`);
    fake.addFault({ path: "item_list", times: Number.POSITIVE_INFINITY, fault: { kind: "slow", ms: 700 } });
    const running = (await (await post(API_ROUTES.jobs, { hashtags: ["endless"] })).json()) as Job;
    const waiting = (await (await post(API_ROUTES.jobs, { hashtags: ["food"] })).json()) as Job;
    await stream.until((event) => event.jobId === running.id && (event.job.progress[0]?.postsNew ?? 0) > 0);
    stream.close();
    await shutdown();
    store = openSqliteStore(folder);
    const stopped = store.engine.jobs.get(running.id);
    expect(stopped).toMatchObject({ state: "interrupted", error: { kind: "interrupted" } });
    expect(stopped?.error?.message).toMatch(/stopped while this job ran/u);
    expect(stopped?.progress[0]?.postsNew).toBe(store.countPosts("endless"));
    expect(store.engine.jobs.get(waiting.id)?.state).toBe("queued");

    // A crash: the process dies with a job marked running (as a kill -9 would leave it).
    const crashed = store.engine.jobs.create(
      { ...running, hashtags: ["travel"] },
      "api",
      new Date().toISOString(),
    );
    store.engine.jobs.save(
      { ...crashed, state: "running", startedAt: new Date().toISOString() },
      "started",
      null,
    );
    store.close();
    fake.clearFaults();
    await boot();
    const after = await openEvents(`${server.url}${jobPath(API_ROUTES.jobEvents, waiting.id)}`);
    const done = await after.until((event) => event.kind === "finished", 60_000);
    after.close();
    expect(done.job).toMatchObject({ state: "done", progress: [{ hashtag: "food", state: "done" }] });
    // Some of food's posts may have come with #endless already.
    expect((done.job.progress[0]?.postsNew ?? 0) + (done.job.progress[0]?.postsSeen ?? 0)).toBe(8);
    const recovered = await get<Job>(jobPath(API_ROUTES.job, crashed.id));
    expect(recovered).toMatchObject({ state: "interrupted", error: { kind: "interrupted" } });
    expect(recovered.error?.message).toMatch(/ended unexpectedly/u);
    expect(recovered.progress[0]?.state).toBe("cancelled");
  }, 120_000);

  it("reports a captcha in plain words, in the job and in its SSE events, keeping what came before", async () => {
    const stream = await openEvents(`${server.url}${API_ROUTES.jobsEvents}`);
    fake.addFault({ path: "cursor=12", fault: { kind: "captcha" } });
    const job = (await (await post(API_ROUTES.jobs, { hashtags: ["travel"] })).json()) as Job;
    const finished = await stream.until((event) => event.jobId === job.id && event.kind === "finished");
    stream.close();
    expect(finished.job).toMatchObject({ state: "failed", error: { kind: "captcha" } });
    expect(finished.job.error?.message).toMatch(/open TikTok in a window and solve it/u);
    expect(finished.job.progress[0]?.error?.message).toMatch(/open TikTok in a window and solve it/u);
    expect((await get<Job>(jobPath(API_ROUTES.job, job.id))).error).toEqual(finished.job.error);
    expect(store.countPosts("travel")).toBe(12);
  }, 120_000);

  it("shows a rate limit's retry in plain words in the SSE events, then finishes the job", async () => {
    const stream = await openEvents(`${server.url}${API_ROUTES.jobsEvents}`);
    fake.addFault({ path: "cursor=12", fault: { kind: "rate-limit", retryAfter: 1 } });
    const job = (await (await post(API_ROUTES.jobs, { hashtags: ["travel"] })).json()) as Job;
    const waiting = await stream.until(
      (event) => event.jobId === job.id && event.job.progress[0]?.error?.kind === "rate-limit",
    );
    expect(waiting.job.progress[0]?.error?.message).toMatch(
      /^TikTok is limiting requests \(.*\); retrying at \d\d:\d\d:\d\d UTC \(attempt 2\)$/u,
    );
    expect(waiting.job.progress[0]?.error?.retryAt).not.toBeNull();
    const finished = await stream.until((event) => event.jobId === job.id && event.kind === "finished");
    stream.close();
    expect(finished.job).toMatchObject({ state: "done", error: null, progress: [{ postsNew: 24 }] });
  }, 120_000);

  it("stores only the posts created on or after a job's `since`", async () => {
    const times = fake.corpus
      .posts("travel")
      .map((item) => Number(item.createTime))
      .sort((a, b) => a - b);
    const since = times[Math.floor(times.length / 2)] as number;
    const expected = fake.corpus
      .posts("travel")
      .filter((item) => Number(item.createTime) >= since)
      .map((item) => String(item.id));
    expect(expected.length).toBeGreaterThan(0);
    expect(expected.length).toBeLessThan(24);
    const stream = await openEvents(`${server.url}${API_ROUTES.jobsEvents}`);
    const created = await post(API_ROUTES.jobs, {
      hashtags: ["travel"],
      since: new Date(since * 1000).toISOString(),
    });
    expect(created.status).toBe(201);
    const job = (await created.json()) as Job;
    const finished = await stream.until((event) => event.jobId === job.id && event.kind === "finished");
    stream.close();
    expect(finished.job.state).toBe("done");
    const page = await allChanges();
    expect(new Set(page.posts.map((p) => p.id))).toEqual(new Set(expected));
  }, 120_000);

  it("refuses bad jobs and ids with a reason", async () => {
    const bad = await post(API_ROUTES.jobs, { hashtags: ["../etc"] });
    expect(bad.status).toBe(400);
    expect(((await bad.json()) as { error: string }).error).toMatch(/Invalid hashtag/u);
    expect((await post(API_ROUTES.jobs, { hashtags: ["a"], limit: -1 })).status).toBe(400);
    expect((await fetch(`${server.url}/api/jobs/0`)).status).toBe(400);
    expect((await fetch(`${server.url}/api/jobs/99`)).status).toBe(404);
    expect((await get<{ jobs: Job[] }>(API_ROUTES.jobs)).jobs).toEqual([]);
  });
});
