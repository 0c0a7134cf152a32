import { parseHashtag } from "../../../shared/hashtag/hashtag.ts";
import type { CaptureService } from "../capture/capture-service.ts";
import { CompanionUnreachableError, NotPairedError } from "../companion/companion-api.ts";
import { explainError } from "../companion/explain-error.ts";
import type {
  ActionReply,
  CaptureStatusReply,
  CompanionState,
  ExtensionRequest,
  StatusReply,
  SyncReply,
} from "../messages/extension-messages.ts";
import type { MirrorDb } from "../mirror/mirror-db.ts";
import type { SyncResult } from "../mirror/sync-mirror.ts";
import type { JobRelay } from "./job-relay.ts";
import type { CompanionAccess } from "./mirror-sync.ts";

export interface BackgroundServices extends CompanionAccess {
  db: MirrorDb;
  sync: () => Promise<SyncResult>;
  relay: JobRelay;
  capture: Pick<CaptureService, "status" | "setPaused">;
}

const companionState = async (
  services: BackgroundServices,
): Promise<{ state: CompanionState; baseUrl: string }> => {
  const settings = await services.readSettings();
  const api = services.makeApi(settings);
  try {
    await api.health();
    if (settings.token === null) return { state: "not-paired", baseUrl: settings.baseUrl };
    // health needs no token; a protected route tells whether ours is accepted.
    await api.follows();
    return { state: "running-paired", baseUrl: settings.baseUrl };
  } catch (error) {
    if (error instanceof NotPairedError) return { state: "not-paired", baseUrl: settings.baseUrl };
    if (error instanceof CompanionUnreachableError)
      return { state: "not-running", baseUrl: settings.baseUrl };
    throw error;
  }
};

const status = async (services: BackgroundServices): Promise<StatusReply> => {
  const [{ state, baseUrl }, lastSyncAt, lastSyncError] = await Promise.all([
    companionState(services),
    services.db.meta.get("lastSyncAt"),
    services.db.meta.get("lastSyncError"),
  ]);
  const text = (value: unknown) => (typeof value === "string" ? value : null);
  return { state, baseUrl, lastSyncAt: text(lastSyncAt?.value), lastSyncError: text(lastSyncError?.value) };
};

const failed = (error: unknown) => ({ ok: false as const, error: explainError(error) });

const action = async (services: BackgroundServices, request: ExtensionRequest): Promise<ActionReply> => {
  try {
    const api = services.makeApi(await services.readSettings());
    if (request.type === "cancel-job") {
      services.relay.add(await api.cancelJob(request.jobId));
      return { ok: true, message: `Cancelling job ${request.jobId}` };
    }
    if (request.type !== "collect" && request.type !== "follow")
      throw new Error(`not an action: ${request.type}`);
    const parsed = parseHashtag(request.hashtag);
    if (!parsed.ok) return { ok: false, error: parsed.error };
    if (request.type === "follow") {
      const follow = await api.follow(parsed.hashtag);
      void services.sync().catch(() => undefined);
      return { ok: true, message: `Following #${follow.hashtag}` };
    }
    const job = await api.createJob({ hashtags: [parsed.hashtag], posts: true, videos: request.videos });
    services.relay.add(job);
    services.relay.start();
    return { ok: true, message: `Queued #${parsed.hashtag}${request.videos ? " with its videos" : ""}` };
  } catch (error) {
    return failed(error);
  }
};

/** Answers one message from a page of the extension; a companion failure is a reply in plain words. */
export const handleRequest = async (
  services: BackgroundServices,
  request: ExtensionRequest,
): Promise<StatusReply | SyncReply | ActionReply | CaptureStatusReply> => {
  switch (request.type) {
    case "status":
      return status(services);
    case "capture-status":
      return services.capture.status(request.tabId);
    case "set-capture-paused":
      await services.capture.setPaused(request.paused);
      return { ok: true, message: request.paused ? "Capture paused" : "Capture on" };
    case "sync-now":
      try {
        const result = await services.sync();
        return { ok: true, changes: result.changes, cursor: result.cursor ?? "0" };
      } catch (error) {
        return failed(error);
      }
    default:
      return action(services, request);
  }
};
