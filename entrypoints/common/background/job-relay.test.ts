import { describe, expect, it } from "vitest";
import type { Job, JobEvent } from "../../../shared/api/jobs.ts";
import type { CompanionApi } from "../companion/companion-api.ts";
import type { JobView } from "../messages/extension-messages.ts";
import { createJobRelay } from "./job-relay.ts";

const job = (id: number, state: Job["state"]): Job => ({
  id,
  hashtags: ["travel"],
  posts: true,
  videos: false,
  limit: 10,
  since: null,
  source: "browser",
  origin: "api",
  state,
  progress: [],
  error: null,
  createdAt: "2026-01-01T00:00:00Z",
  startedAt: null,
  finishedAt: null,
});

const sse = (events: Array<[number, JobEvent]>) =>
  new Response(
    events.map(([id, event]) => `id: ${id}\nevent: job\ndata: ${JSON.stringify(event)}\n\n`).join(""),
  );

const event = (seq: number, state: Job["state"]): JobEvent => ({
  seq,
  jobId: 1,
  kind: state === "done" ? "finished" : "progress",
  message: null,
  job: job(1, state),
});

describe("createJobRelay", () => {
  it("resumes after a dropped stream with Last-Event-ID and reports a finished job once", async () => {
    const asked: Array<string | null> = [];
    const streams = [sse([[7, event(7, "running")]]), sse([[8, event(8, "done")]])];
    const api = {
      jobs: async () => ({ jobs: [job(1, "queued")] }),
      jobEvents: async (lastEventId: string | null) => {
        asked.push(lastEventId);
        const next = streams.shift();
        if (next === undefined) return new Promise<Response>(() => undefined);
        return next;
      },
    } as unknown as CompanionApi;
    const pushed: JobView[][] = [];
    const finished: number[] = [];
    const relay = createJobRelay(
      { readSettings: async () => ({ baseUrl: "http://127.0.0.1:1", token: "t" }), makeApi: () => api },
      { onChange: (jobs) => pushed.push(jobs), onFinished: (done) => finished.push(done.id) },
      1,
    );
    relay.start();
    await expect.poll(() => asked.length).toBe(3);
    relay.stop();
    // The first connection starts fresh; each reconnection names the last event it saw.
    expect(asked).toEqual([null, "7", "8"]);
    expect(pushed.map((jobs) => jobs[0]?.status)).toEqual(["queued", "running", "running", "done", "done"]);
    expect(finished).toEqual([1]);
  });
});
