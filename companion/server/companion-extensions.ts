import type { Router } from "express";
import { jobEngineExtension } from "../jobs/job-engine-extension.ts";
import type { CompanionStore } from "../store/post-store.ts";

/** A part of the running companion beyond the core API (the job engine): its routes and its lifecycle. */
export interface CompanionExtension {
  /** Mounted after the token check. */
  routers?: Router[];
  /** Called once the server listens. */
  start?(): void | Promise<void>;
  /**
   * Called on SIGINT/SIGTERM after the server stopped accepting requests and before the store closes: stop
   * taking work and checkpoint what runs. Awaited; the process then exits 0.
   */
  stop?(): void | Promise<void>;
}

export type CompanionExtensionFactory = (context: {
  store: CompanionStore;
  dataDir: string;
  /** `start --proxy`: where TikTok traffic goes, as `download --proxy`. */
  proxy: string | null;
}) => CompanionExtension | Promise<CompanionExtension>;

/** What `start` adds to the core API. The job engine registers its factory here. */
export const COMPANION_EXTENSIONS: CompanionExtensionFactory[] = [jobEngineExtension];
