import { z } from "zod";

/**
 * Every message between the extension's pages and its background worker, in one place. Requests go through
 * runtime.sendMessage and are validated on arrival; job progress is pushed over a runtime Port named JOBS_PORT.
 */
export const ExtensionRequest = z.discriminatedUnion("type", [
  /** Mirror the companion's sync feed into Dexie now; replies with a SyncReply. */
  z.object({ type: z.literal("sync-now") }),
  /** The companion's state in plain words; replies with a StatusReply. */
  z.object({ type: z.literal("status") }),
  /** Queue a collection of `hashtag` (posts, and the videos when asked); replies with an ActionReply. */
  z.object({ type: z.literal("collect"), hashtag: z.string(), videos: z.boolean() }),
  /** Follow `hashtag` (collected on the companion's schedule); replies with an ActionReply. */
  z.object({ type: z.literal("follow"), hashtag: z.string() }),
  /** Cancel a queued or running job; replies with an ActionReply. */
  z.object({ type: z.literal("cancel-job"), jobId: z.number().int().positive() }),
]);
export type ExtensionRequest = z.infer<typeof ExtensionRequest>;

/** running-paired: all is well; not-running: nothing answers; not-paired: it answers but refuses our token. */
export const CompanionState = z.enum(["running-paired", "not-running", "not-paired"]);
export type CompanionState = z.infer<typeof CompanionState>;

export const StatusReply = z.object({
  state: CompanionState,
  baseUrl: z.string(),
  lastSyncAt: z.string().nullable(),
  lastSyncError: z.string().nullable(),
});
export type StatusReply = z.infer<typeof StatusReply>;

export const SyncReply = z.union([
  z.object({ ok: z.literal(true), changes: z.number().int().nonnegative(), cursor: z.string() }),
  z.object({ ok: z.literal(false), error: z.string() }),
]);
export type SyncReply = z.infer<typeof SyncReply>;

export const ActionReply = z.union([
  z.object({ ok: z.literal(true), message: z.string() }),
  z.object({ ok: z.literal(false), error: z.string() }),
]);
export type ActionReply = z.infer<typeof ActionReply>;

/** A job as the popup shows it; `progress` in 0..1 or null when unknown. */
export const JobView = z.object({
  id: z.number().int().positive(),
  hashtag: z.string(),
  kind: z.string(),
  status: z.enum(["queued", "running", "done", "failed", "cancelled", "interrupted"]),
  progress: z.number().min(0).max(1).nullable(),
  detail: z.string(),
  error: z.string().nullable(),
});
export type JobView = z.infer<typeof JobView>;

export const JOBS_PORT = "jobs";

/** Pushed over JOBS_PORT: the current jobs, whenever an event changes one. */
export const JobsPush = z.object({ type: z.literal("jobs"), jobs: z.array(JobView) });
export type JobsPush = z.infer<typeof JobsPush>;

export type ReplyTo<R extends ExtensionRequest> = R["type"] extends "sync-now"
  ? SyncReply
  : R["type"] extends "status"
    ? StatusReply
    : ActionReply;
