import type { Request, Response } from "express";
import { JOB_EVENT_NAME, type Job, type JobEvent } from "../../../shared/api/jobs.ts";
import type { JobEventHub } from "../../jobs/job-events.ts";
import type { JobsTable } from "../../store/jobs-table.ts";

/** Keeps proxies and the browser from closing an idle stream. */
const HEARTBEAT_MS = 15_000;
/** Jobs a fresh stream of all jobs starts with. */
const SNAPSHOT_JOBS = 50;

const lastEventId = (request: Request): number | null => {
  const header = request.get("Last-Event-ID");
  return header !== undefined && /^\d{1,15}$/u.test(header.trim()) ? Number(header.trim()) : null;
};

const frame = (event: JobEvent): string =>
  `id: ${event.seq}\nevent: ${JOB_EVENT_NAME}\ndata: ${JSON.stringify(event)}\n\n`;

/**
 * Server-Sent Events of the jobs (one job when `jobId` is given). A client that reconnects with Last-Event-ID
 * gets exactly the events it missed, from the persisted log; one that is new, or was away longer than the log
 * reaches back, gets a snapshot of the jobs first. Subscribing and reading the backlog happen in the same
 * tick, and events are sent in seq order once each, so nothing falls between the two.
 */
export const streamJobEvents = (
  request: Request,
  response: Response,
  deps: { jobs: JobsTable; hub: JobEventHub; jobId?: number },
): void => {
  const { jobs, hub, jobId } = deps;
  response.status(200).set({
    "Content-Type": "text/event-stream; charset=utf-8",
    "Cache-Control": "no-cache, no-transform",
    Connection: "keep-alive",
    "X-Accel-Buffering": "no",
  });
  response.flushHeaders();

  let sent = lastEventId(request) ?? -1;
  const send = (event: JobEvent) => {
    if (event.kind !== "snapshot" && event.seq <= sent) return;
    if (jobId !== undefined && event.jobId !== jobId) return;
    response.write(frame(event));
    sent = Math.max(sent, event.seq);
  };
  const unsubscribe = hub.subscribe(send);

  const missed = sent < 0 ? null : jobs.eventsAfter(sent, jobId);
  if (missed) for (const event of missed) send(event);
  else {
    const latest = jobs.latestEventSeq();
    const snapshot: Job[] =
      jobId === undefined
        ? jobs.list(SNAPSHOT_JOBS).reverse()
        : [jobs.get(jobId)].filter((job): job is Job => job !== undefined);
    for (const job of snapshot) send({ seq: latest, jobId: job.id, kind: "snapshot", message: null, job });
    sent = latest;
  }

  const heartbeat = setInterval(() => response.write(": ping\n\n"), HEARTBEAT_MS);
  heartbeat.unref();
  const close = () => {
    clearInterval(heartbeat);
    unsubscribe();
  };
  request.on("close", close);
  response.on("close", close);
};
