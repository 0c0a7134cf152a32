// @vitest-environment happy-dom
import { cleanup, fireEvent, render, screen, waitFor } from "@testing-library/preact";
import { afterEach, describe, expect, it } from "vitest";
import type { CaptureStatusReply } from "../common/messages/extension-messages.ts";
import { type CaptureBridge, CapturePanel } from "./capture-panel.tsx";

afterEach(cleanup);

const bridge = (start: CaptureStatusReply) => {
  let current = start;
  const value: CaptureBridge = {
    status: async () => current,
    setPaused: async (paused) => {
      current = { ...current, paused };
      return { ok: true, message: paused ? "Capture paused" : "Capture on" };
    },
  };
  return value;
};

describe("CapturePanel", () => {
  it("shows what this tab captured, new and already known, and what waits for the companion", async () => {
    render(<CapturePanel bridge={bridge({ paused: false, tabNew: 24, tabKnown: 1, queued: 3 })} />);
    expect((await screen.findByTestId("capture-counts")).textContent).toBe(
      "This tab captured 25 posts: 24 new, 1 already known. 3 posts wait for the companion.",
    );
  });

  it("pauses and resumes capture with the switch", async () => {
    render(<CapturePanel bridge={bridge({ paused: false, tabNew: 0, tabKnown: 0, queued: 0 })} />);
    const box = (await screen.findByLabelText("Pause capture")) as HTMLInputElement;
    expect(box.checked).toBe(false);
    fireEvent.click(box);
    await waitFor(() =>
      expect(screen.getByTestId("capture-counts").textContent).toBe(
        "Paused: posts TikTok loads are not kept.",
      ),
    );
    expect((screen.getByLabelText("Pause capture") as HTMLInputElement).checked).toBe(true);
    fireEvent.click(screen.getByLabelText("Pause capture"));
    await waitFor(() =>
      expect(screen.getByTestId("capture-counts").textContent).toContain("This tab captured 0 posts"),
    );
  });
});
