import { useEffect, useState } from "preact/hooks";
import type { ActionReply, CaptureStatusReply } from "../common/messages/extension-messages.ts";

/** What the capture panel needs from the background: this tab's counts, and the pause switch. */
export interface CaptureBridge {
  status: () => Promise<CaptureStatusReply>;
  setPaused: (paused: boolean) => Promise<ActionReply>;
}

/** The counts grow while the tab loads posts; refreshed this often while the popup is open. */
const REFRESH_MS = 2_000;

const plural = (count: number, word: string) => `${count} ${word}${count === 1 ? "" : "s"}`;

/** Passive capture in the popup: how many posts this tab captured (new / already known), and a pause switch. */
export const CapturePanel = ({ bridge }: { bridge: CaptureBridge }) => {
  const [status, setStatus] = useState<CaptureStatusReply | null>(null);
  const [error, setError] = useState<string | null>(null);

  useEffect(() => {
    let live = true;
    const refresh = () =>
      bridge.status().then(
        (next) => {
          if (live) setStatus(next);
        },
        (failure: unknown) => {
          if (live) setError(failure instanceof Error ? failure.message : String(failure));
        },
      );
    void refresh();
    const timer = setInterval(refresh, REFRESH_MS);
    return () => {
      live = false;
      clearInterval(timer);
    };
  }, [bridge]);

  const toggle = async (paused: boolean) => {
    const reply = await bridge.setPaused(paused);
    if (!reply.ok) setError(reply.error);
    else setStatus(await bridge.status());
  };

  return (
    <section aria-label="Passive capture">
      <h2>Passive capture</h2>
      {status === null ? (
        <p>{error ?? "…"}</p>
      ) : (
        <>
          <p role="status" data-testid="capture-counts">
            {status.paused
              ? "Paused: posts TikTok loads are not kept."
              : `This tab captured ${plural(status.tabNew + status.tabKnown, "post")}: ${status.tabNew} new, ${status.tabKnown} already known.`}
            {status.queued > 0 ? ` ${plural(status.queued, "post")} wait for the companion.` : ""}
          </p>
          <label class="videos">
            <input
              type="checkbox"
              checked={status.paused}
              onChange={(event) => void toggle(event.currentTarget.checked)}
            />
            Pause capture
          </label>
          {error !== null && (
            <p class="error" role="alert">
              {error}
            </p>
          )}
        </>
      )}
    </section>
  );
};
