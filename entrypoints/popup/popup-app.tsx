import { useEffect, useState } from "preact/hooks";
import { parseHashtag } from "../../shared/hashtag/hashtag.ts";
import { hashtagFromUrl } from "../../shared/hashtag/tag-page-url.ts";
import { START_COMMAND } from "../common/companion/explain-error.ts";
import type {
  ActionReply,
  ExtensionRequest,
  JobView,
  StatusReply,
} from "../common/messages/extension-messages.ts";
import { type CaptureBridge, CapturePanel } from "./capture-panel.tsx";

/** What the popup needs from the browser, so it can be tested without one. */
export interface PopupBridge {
  status: () => Promise<StatusReply>;
  act: (
    request: Extract<ExtensionRequest, { type: "collect" | "follow" | "cancel-job" }>,
  ) => Promise<ActionReply>;
  activeTabUrl: () => Promise<string | null>;
  /** Calls back with the jobs now and whenever they change; returns the unsubscribe. */
  watchJobs: (onJobs: (jobs: JobView[]) => void) => () => void;
  dashboardUrl: string;
  capture: CaptureBridge;
}

const CompanionStatus = ({ status }: { status: StatusReply | null }) => {
  if (status === null) return <p role="status">Looking for the companion…</p>;
  switch (status.state) {
    case "running-paired":
      return (
        <p role="status" class="ok">
          The companion is running and paired ({status.baseUrl}).
          {status.lastSyncError !== null ? ` The last sync failed: ${status.lastSyncError}` : ""}
        </p>
      );
    case "not-running":
      return (
        <div role="status" class="problem">
          <p>The companion is not running at {status.baseUrl}.</p>
          <p>
            Start it in the project folder: <code>{START_COMMAND}</code>
          </p>
        </div>
      );
    case "not-paired":
      return (
        <div role="status" class="problem">
          <p>The companion is running but this browser is not paired with it.</p>
          <p>Open the pairing link that `start` printed, or paste the token on the dashboard.</p>
        </div>
      );
  }
};

const JobItem = ({ job, onCancel }: { job: JobView; onCancel: (id: number) => void }) => (
  <li class={`job job-${job.status}`}>
    <div>
      <strong>{job.hashtag}</strong> {job.kind}: {job.status}
    </div>
    {job.progress !== null && (
      <progress max={1} value={job.progress} aria-label={`${job.hashtag} progress`}>
        {Math.round(job.progress * 100)}%
      </progress>
    )}
    <div class="detail">{job.detail}</div>
    {job.error !== null && (
      <div class="error" role="alert">
        {job.error}
      </div>
    )}
    {(job.status === "queued" || job.status === "running") && (
      <button type="button" onClick={() => onCancel(job.id)}>
        Cancel
      </button>
    )}
  </li>
);

export const PopupApp = ({ bridge }: { bridge: PopupBridge }) => {
  const [status, setStatus] = useState<StatusReply | null>(null);
  const [pageHashtag, setPageHashtag] = useState<string | null>(null);
  const [jobs, setJobs] = useState<JobView[]>([]);
  const [typed, setTyped] = useState("");
  const [typedError, setTypedError] = useState<string | null>(null);
  const [videos, setVideos] = useState(false);
  const [reply, setReply] = useState<ActionReply | null>(null);
  const [busy, setBusy] = useState(false);

  useEffect(() => {
    void bridge.status().then(setStatus, (error: unknown) =>
      setReply({
        ok: false,
        error: `Could not ask the companion: ${error instanceof Error ? error.message : String(error)}`,
      }),
    );
    void bridge.activeTabUrl().then((url) => setPageHashtag(hashtagFromUrl(url)));
    return bridge.watchJobs(setJobs);
  }, [bridge]);

  const act = async (request: Parameters<PopupBridge["act"]>[0]) => {
    setBusy(true);
    try {
      setReply(await bridge.act(request));
    } catch (error) {
      setReply({ ok: false, error: error instanceof Error ? error.message : String(error) });
    } finally {
      setBusy(false);
    }
  };

  const submitTyped = (event: Event) => {
    event.preventDefault();
    const parsed = parseHashtag(typed);
    if (!parsed.ok) {
      setTypedError(parsed.error);
      return;
    }
    setTypedError(null);
    void act({ type: "collect", hashtag: parsed.hashtag, videos });
  };

  const ready = status?.state === "running-paired";
  return (
    <main>
      <h1>TikTok Hashtag Analysis</h1>
      <CompanionStatus status={status} />

      <label class="videos">
        <input
          type="checkbox"
          checked={videos}
          onChange={(event) => setVideos(event.currentTarget.checked)}
        />
        Also download the videos
      </label>

      {pageHashtag !== null && (
        <section aria-label={`This page: #${pageHashtag}`}>
          <h2>This page: #{pageHashtag}</h2>
          <button
            type="button"
            disabled={!ready || busy}
            onClick={() => act({ type: "follow", hashtag: pageHashtag })}
          >
            Follow #{pageHashtag}
          </button>
          <button
            type="button"
            disabled={!ready || busy}
            onClick={() => act({ type: "collect", hashtag: pageHashtag, videos })}
          >
            Collect now
          </button>
        </section>
      )}

      <form onSubmit={submitTyped} aria-label="Any hashtag">
        <label for="hashtag">Collect a hashtag</label>
        <input
          id="hashtag"
          name="hashtag"
          value={typed}
          placeholder="#travel"
          aria-invalid={typedError !== null}
          aria-describedby={typedError === null ? undefined : "hashtag-error"}
          onInput={(event) => setTyped(event.currentTarget.value)}
        />
        <button type="submit" disabled={!ready || busy}>
          Collect
        </button>
        {typedError !== null && (
          <p id="hashtag-error" class="error" role="alert">
            {typedError}
          </p>
        )}
      </form>

      {reply !== null && (
        <p class={reply.ok ? "ok" : "error"} role={reply.ok ? "status" : "alert"}>
          {reply.ok ? reply.message : reply.error}
        </p>
      )}

      <section aria-label="Jobs">
        <h2>Jobs</h2>
        {jobs.length === 0 ? (
          <p>No jobs queued or running.</p>
        ) : (
          <ul>
            {jobs.map((job) => (
              <JobItem key={job.id} job={job} onCancel={(jobId) => act({ type: "cancel-job", jobId })} />
            ))}
          </ul>
        )}
      </section>

      <CapturePanel bridge={bridge.capture} />

      <a href={bridge.dashboardUrl} target="_blank" rel="noreferrer">
        Open the dashboard
      </a>
    </main>
  );
};
