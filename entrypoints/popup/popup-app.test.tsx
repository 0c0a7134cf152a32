// @vitest-environment happy-dom
import { cleanup, fireEvent, render, screen, waitFor } from "@testing-library/preact";
import { afterEach, describe, expect, it, vi } from "vitest";
import type { JobView, StatusReply } from "../common/messages/extension-messages.ts";
import { PopupApp, type PopupBridge } from "./popup-app.tsx";

const paired: StatusReply = {
  state: "running-paired",
  baseUrl: "http://127.0.0.1:17717",
  lastSyncAt: null,
  lastSyncError: null,
};

const bridge = (change: Partial<PopupBridge> = {}) => {
  let pushJobs: (jobs: JobView[]) => void = () => undefined;
  const act = vi.fn<PopupBridge["act"]>(async () => ({ ok: true, message: "Queued #travel" }));
  const value: PopupBridge = {
    status: async () => paired,
    act,
    activeTabUrl: async () => "https://www.tiktok.com/tag/Travel?lang=en",
    watchJobs: (onJobs) => {
      pushJobs = onJobs;
      return () => undefined;
    },
    dashboardUrl: "chrome-extension://x/options.html",
    capture: {
      status: async () => ({ paused: false, tabNew: 0, tabKnown: 0, queued: 0 }),
      setPaused: async () => ({ ok: true, message: "Capture paused" }),
    },
    ...change,
  };
  return { value, act, push: (jobs: JobView[]) => pushJobs(jobs) };
};

afterEach(cleanup);

describe("PopupApp", () => {
  it("on a tag page, follows and collects its hashtag, videos when ticked", async () => {
    const { value, act } = bridge();
    render(<PopupApp bridge={value} />);
    const follow = await screen.findByRole("button", { name: "Follow #travel" });
    await waitFor(() => expect(follow).not.toHaveProperty("disabled", true));
    fireEvent.click(follow);
    await waitFor(() => expect(act).toHaveBeenCalledWith({ type: "follow", hashtag: "travel" }));
    fireEvent.click(screen.getByLabelText("Also download the videos"));
    fireEvent.click(screen.getByRole("button", { name: "Collect now" }));
    await waitFor(() =>
      expect(act).toHaveBeenLastCalledWith({ type: "collect", hashtag: "travel", videos: true }),
    );
    expect(await screen.findByText("Queued #travel")).toBeTruthy();
  });

  it("refuses a typed hashtag the shared rules reject, and says why", async () => {
    const { value, act } = bridge({ activeTabUrl: async () => "https://example.org/" });
    render(<PopupApp bridge={value} />);
    await screen.findByText(/running and paired/);
    expect(screen.queryByRole("button", { name: /Follow/ })).toBeNull();
    fireEvent.input(screen.getByLabelText("Collect a hashtag"), { target: { value: "a/b" } });
    fireEvent.click(screen.getByRole("button", { name: "Collect" }));
    expect((await screen.findByRole("alert")).textContent).toContain("path separator");
    expect(act).not.toHaveBeenCalled();
    fireEvent.input(screen.getByLabelText("Collect a hashtag"), { target: { value: "#Food" } });
    fireEvent.click(screen.getByRole("button", { name: "Collect" }));
    await waitFor(() =>
      expect(act).toHaveBeenCalledWith({ type: "collect", hashtag: "food", videos: false }),
    );
  });

  it("explains how to start the companion, and disables the actions meanwhile", async () => {
    const { value } = bridge({ status: async () => ({ ...paired, state: "not-running" }) });
    render(<PopupApp bridge={value} />);
    expect((await screen.findByText(/Start it in the project folder/)).textContent).toContain(
      "npx tiktok-hashtag-analysis start",
    );
    expect(screen.getByRole("button", { name: "Collect now" })).toHaveProperty("disabled", true);
  });

  it("says so when the companion answers with something unexpected", async () => {
    const { value } = bridge({
      status: async () => {
        throw new Error("The companion answered 403");
      },
    });
    render(<PopupApp bridge={value} />);
    expect((await screen.findByRole("alert")).textContent).toBe(
      "Could not ask the companion: The companion answered 403",
    );
  });

  it("explains how to pair", async () => {
    const { value } = bridge({ status: async () => ({ ...paired, state: "not-paired" }) });
    render(<PopupApp bridge={value} />);
    expect(await screen.findByText(/Open the pairing link/)).toBeTruthy();
  });

  it("shows the jobs pushed to it with progress bars and the error in plain words", async () => {
    const { value, push, act } = bridge();
    render(<PopupApp bridge={value} />);
    await screen.findByText(/running and paired/);
    push([
      {
        id: 2,
        hashtag: "#travel",
        kind: "posts",
        status: "running",
        progress: 0.4,
        detail: "40 posts found, 5 new",
        error: null,
      },
      {
        id: 1,
        hashtag: "#food",
        kind: "posts",
        status: "failed",
        progress: 1,
        detail: "0 posts found, 0 new",
        error: "TikTok asks for a captcha: open TikTok in a window and solve it, then collect again.",
      },
    ]);
    const bar = await screen.findByRole("progressbar", { name: "#travel progress" });
    expect(bar.getAttribute("value")).toBe("0.4");
    expect(screen.getByText(/solve it/)).toBeTruthy();
    fireEvent.click(screen.getByRole("button", { name: "Cancel" }));
    await waitFor(() => expect(act).toHaveBeenCalledWith({ type: "cancel-job", jobId: 2 }));
    expect(screen.getByRole("link", { name: "Open the dashboard" }).getAttribute("href")).toBe(
      "chrome-extension://x/options.html",
    );
  });
});
