import { z } from "zod";
import { CAPTURE_SOURCES, MAX_CAPTURE_TEXT } from "../capture/capture-constants.ts";

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
  /** What passive capture did in a tab (null: no tab) and whether it is paused; replies with a CaptureStatusReply. */
  z.object({ type: z.literal("capture-status"), tabId: z.number().int().nonnegative().nullable() }),
  /** Pause or resume passive capture (persisted); replies with an ActionReply. */
  z.object({ type: z.literal("set-capture-paused"), paused: z.boolean() }),
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

/**
 * JSON text a TikTok page received (an API response or an embedded data script), from the content script to the
 * background worker. The page controls it, so the background parses it there, off the page's thread, and stores
 * only what the shared parsers accept.
 */
export const CaptureRequest = z.object({
  type: z.literal("capture"),
  source: z.enum(CAPTURE_SOURCES),
  text: z.string().max(MAX_CAPTURE_TEXT),
});
export type CaptureRequest = z.infer<typeof CaptureRequest>;

/** Posts stored from one capture message: new to the extension, already known, and items the parsers refused. */
export const CaptureReply = z.object({
  new: z.number().int().nonnegative(),
  known: z.number().int().nonnegative(),
  rejected: z.number().int().nonnegative(),
});
export type CaptureReply = z.infer<typeof CaptureReply>;

/** This tab's distinct captured posts (new / already known), whether capture is paused, posts waiting to send. */
export const CaptureStatusReply = z.object({
  paused: z.boolean(),
  tabNew: z.number().int().nonnegative(),
  tabKnown: z.number().int().nonnegative(),
  queued: z.number().int().nonnegative(),
});
export type CaptureStatusReply = z.infer<typeof CaptureStatusReply>;

export type ReplyTo<R extends ExtensionRequest> = R["type"] extends "sync-now"
  ? SyncReply
  : R["type"] extends "status"
    ? StatusReply
    : R["type"] extends "capture-status"
      ? CaptureStatusReply
      : ActionReply;
