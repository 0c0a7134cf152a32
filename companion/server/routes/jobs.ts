import { type Response, Router } from "express";
import { API_ROUTES } from "../../../shared/api/contract.ts";
import { type Job, JobInput, type JobsResponse } from "../../../shared/api/jobs.ts";
import type { JobEventHub } from "../../jobs/job-events.ts";
import { JobConflict, type JobRunner } from "../../jobs/job-runner.ts";
import type { CompanionStore } from "../../store/post-store.ts";
import { streamJobEvents } from "./job-stream.ts";
import { HttpProblem, jobIdParam, parseInput, requireHashtagText } from "./route-input.ts";

const LISTED_JOBS = 200;

const conflict = (error: unknown): never => {
  if (error instanceof JobConflict) throw new HttpProblem(409, error.message);
  throw error;
};

/** Jobs (shared/api/jobs.ts): queue, list, read, cancel, and their events as SSE. */
export const jobsRouter = (store: CompanionStore, runner: JobRunner, hub: JobEventHub): Router => {
  const router = Router();
  const jobs = store.engine.jobs;

  const requireJob = (id: number): Job => {
    const job = jobs.get(id);
    if (!job) throw new HttpProblem(404, `No job ${id}`);
    return job;
  };

  // Before API_ROUTES.job, which would take "events" for an id.
  router.get(API_ROUTES.jobsEvents, (request, response) => {
    streamJobEvents(request, response, { jobs, hub });
  });

  router.get(API_ROUTES.jobs, (_request, response: Response<JobsResponse>) => {
    response.json({ jobs: jobs.list(LISTED_JOBS) });
  });

  router.post(API_ROUTES.jobs, (request, response: Response<Job>) => {
    const input = parseInput(JobInput, request.body, "body");
    const hashtags = [...new Set(input.hashtags.map(requireHashtagText))];
    try {
      response.status(201).json(runner.enqueue({ ...input, hashtags }, "api"));
    } catch (error) {
      conflict(error);
    }
  });

  router.get(API_ROUTES.job, (request, response: Response<Job>) => {
    response.json(requireJob(jobIdParam(request)));
  });

  router.get(API_ROUTES.jobEvents, (request, response) => {
    const id = jobIdParam(request);
    requireJob(id);
    streamJobEvents(request, response, { jobs, hub, jobId: id });
  });

  router.post(API_ROUTES.jobCancel, async (request, response: Response<Job>) => {
    const id = jobIdParam(request);
    requireJob(id);
    const job = await runner.cancel(id).catch(conflict);
    response.json(job ?? requireJob(id));
  });

  return router;
};
