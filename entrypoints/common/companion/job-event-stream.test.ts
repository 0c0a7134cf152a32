import { describe, expect, it } from "vitest";
import type { Job, JobEvent } from "../../../shared/api/jobs.ts";
import { readJobEvents } from "./job-event-stream.ts";

const job: Job = {
  id: 4,
  hashtags: ["travel"],
  posts: true,
  videos: false,
  limit: 1000,
  since: null,
  source: "browser",
  origin: "api",
  state: "running",
  progress: [],
  error: null,
  createdAt: "2026-01-01T00:00:00Z",
  startedAt: "2026-01-01T00:00:01Z",
  finishedAt: null,
};
const event = (seq: number): JobEvent => ({ seq, jobId: 4, kind: "progress", message: null, job });

/** A response whose body arrives in the given chunks, split anywhere (mid-line too). */
const streamed = (chunks: string[]) =>
  new Response(
    new ReadableStream({
      start(controller) {
        for (const chunk of chunks) controller.enqueue(new TextEncoder().encode(chunk));
        controller.close();
      },
    }),
  );

describe("readJobEvents", () => {
  it("reads events split across chunks, with their ids, skipping comments, other events and bad data", async () => {
    const text = [
      ": keep-alive\n\n",
      `id: 1\nevent: job\ndata: ${JSON.stringify(event(1))}\n\n`,
      "id: 2\nevent: job\ndata: {not json\n\n",
      `id: 3\nevent: other\ndata: ${JSON.stringify(event(3))}\n\n`,
      `id: 4\nevent: job\ndata: ${JSON.stringify({ seq: 4 })}\n\n`,
      `id: 5\nevent: job\ndata: ${JSON.stringify(event(5))}\n\n`,
    ].join("");
    const seen: Array<[number, string | undefined]> = [];
    await readJobEvents(streamed([text.slice(0, 37), text.slice(37, 300), text.slice(300)]), (e, id) =>
      seen.push([e.seq, id]),
    );
    expect(seen).toEqual([
      [1, "1"],
      [5, "5"],
    ]);
  });
});
