import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import type { Job } from "../../shared/api/jobs.ts";
import { KEPT_JOB_EVENTS } from "./jobs-table.ts";
import type { CompanionStore } from "./post-store.ts";
import { openSqliteStore } from "./sqlite-store.ts";

let folder: string;
let store: CompanionStore;
const NOW = "2025-01-01T00:00:00.000Z";
const request = {
  hashtags: ["travel"],
  posts: true,
  videos: false,
  limit: 5,
  since: null,
  source: "browser" as const,
};

beforeEach(async () => {
  folder = await mkdtemp(join(tmpdir(), "jobs-table-"));
  store = openSqliteStore(folder);
});

afterEach(async () => {
  store.close();
  await rm(folder, { recursive: true, force: true });
});

describe("the jobs table", () => {
  it("stores only what was asked, whatever else the request object carries", () => {
    const first = store.engine.jobs.create(request, "api", NOW);
    const copy = store.engine.jobs.create({ ...first, state: "done" } as Job, "follow", NOW);
    expect(copy).toMatchObject({ id: first.id + 1, state: "queued", origin: "follow", hashtags: ["travel"] });
    expect(store.engine.jobs.isPending("travel")).toBe(true);
    expect(store.engine.jobs.isPending("food")).toBe(false);
  });

  it("replays the events after an id, and says when it cannot", () => {
    const job = store.engine.jobs.create(request, "api", NOW);
    const seqs = ["queued", "started", "progress", "finished"].map(
      (kind) => store.engine.jobs.save({ ...job, state: "running" }, kind as "progress", null).seq,
    );
    expect(store.engine.jobs.eventsAfter(seqs[1] ?? 0)?.map((event) => event.kind)).toEqual([
      "progress",
      "finished",
    ]);
    expect(store.engine.jobs.eventsAfter(seqs[3] ?? 0)).toEqual([]);
    // An id this database never gave (another data folder): a snapshot, not silence.
    expect(store.engine.jobs.eventsAfter((seqs[3] ?? 0) + 10)).toBeNull();
  });

  it("keeps a bounded log and asks for a snapshot when the missed events are gone", async () => {
    const job = store.engine.jobs.create(request, "api", NOW);
    // One commit for all of them: thousands of synchronous commits would take the test's time in fsyncs.
    await store.atomically(async () => {
      for (let i = 0; i < KEPT_JOB_EVENTS + 200; i++) store.engine.jobs.save(job, "progress", null);
    });
    expect(store.engine.jobs.eventsAfter(1)).toBeNull();
    const latest = store.engine.jobs.latestEventSeq();
    expect(store.engine.jobs.eventsAfter(latest - 3)).toHaveLength(3);
  });
});
