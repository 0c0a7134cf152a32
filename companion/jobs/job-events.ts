import type { JobEvent } from "../../shared/api/jobs.ts";

export type JobEventListener = (event: JobEvent) => void;

/** Hands each saved job event to the open SSE streams of this process. */
export class JobEventHub {
  private readonly listeners = new Set<JobEventListener>();

  subscribe(listener: JobEventListener): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  publish(event: JobEvent): void {
    for (const listener of this.listeners) listener(event);
  }
}
