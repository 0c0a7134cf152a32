// @vitest-environment happy-dom
import { cleanup, fireEvent, render, screen, waitFor, within } from "@testing-library/preact";
import { afterEach, describe, expect, it, vi } from "vitest";
import type { HashtagRow, RunRow } from "./dashboard-model.ts";
import { type FollowActions, HomeView } from "./home-view.tsx";

const run = (id: number, hashtag: string, error: string | null = null): RunRow => ({
  id,
  hashtag,
  startedAt: "2025-01-01T10:00:00.000Z",
  finishedAt: "2025-01-01T10:05:00.000Z",
  postsNew: 12,
  postsSeen: 30,
  error,
});
const hashtags: HashtagRow[] = [
  {
    hashtag: "travel",
    followed: true,
    schedule: "every 6h",
    posts: 1234,
    videos: 5,
    lastRun: run(2, "travel"),
  },
  {
    hashtag: "food",
    followed: false,
    schedule: null,
    posts: 3,
    videos: 0,
    lastRun: run(1, "food", "captcha"),
  },
];
const runs = [run(2, "travel"), run(1, "food", "captcha")];

const actions = (): FollowActions & { calls: string[] } => {
  const calls: string[] = [];
  return {
    calls,
    follow: vi.fn(async (tag: string, schedule: string) => void calls.push(`follow ${tag} ${schedule}`)),
    unfollow: vi.fn(async (tag: string) => void calls.push(`unfollow ${tag}`)),
    setSchedule: vi.fn(
      async (tag: string, schedule: string) => void calls.push(`schedule ${tag} ${schedule}`),
    ),
  };
};

afterEach(cleanup);

describe("HomeView", () => {
  it("lists hashtags with schedule, counts and last run, and the run history", () => {
    render(<HomeView hashtags={hashtags} runs={runs} actions={actions()} defaultSchedule="every 6h" />);
    const rows = within(screen.getByTestId("hashtags-table")).getAllByRole("row").slice(1);
    expect(rows.map((row) => row.textContent)).toEqual([
      expect.stringMatching(/^#travelevery 6h1,2345.*12 new, 30 seen/),
      expect.stringMatching(/^#foodnot followed30.*failed: captcha/),
    ]);
    expect(screen.getAllByRole("link", { name: "#travel" })[0]?.getAttribute("href")).toBe(
      "#/hashtag/travel",
    );
    expect(within(screen.getByTestId("runs-table")).getAllByRole("row")).toHaveLength(3);
  });

  it("follows a typed hashtag, validated by the shared rules", async () => {
    const companion = actions();
    render(<HomeView hashtags={[]} runs={[]} actions={companion} defaultSchedule="every 6h" />);
    fireEvent.input(screen.getByLabelText("Hashtag"), { target: { value: "two words" } });
    fireEvent.submit(screen.getByRole("button", { name: "Follow" }).closest("form") as HTMLFormElement);
    await waitFor(() => expect(screen.getByRole("status").textContent).toMatch(/whitespace/));
    expect(companion.calls).toEqual([]);
    fireEvent.input(screen.getByLabelText("Hashtag"), { target: { value: "#Sunset" } });
    fireEvent.input(screen.getByLabelText("Schedule"), { target: { value: "every 1d" } });
    fireEvent.submit(screen.getByRole("button", { name: "Follow" }).closest("form") as HTMLFormElement);
    await waitFor(() => expect(screen.getByRole("status").textContent).toBe("Following #sunset"));
    expect(companion.calls).toEqual(["follow sunset every 1d"]);
  });

  it("edits a schedule and unfollows, and shows the companion's error", async () => {
    const companion = actions();
    companion.unfollow = async () => {
      throw new Error("The companion answered 409: a run is in progress");
    };
    render(<HomeView hashtags={hashtags} runs={runs} actions={companion} defaultSchedule="every 6h" />);
    fireEvent.click(screen.getByRole("button", { name: "Change the schedule of #travel" }));
    fireEvent.input(screen.getByLabelText("New schedule for #travel"), { target: { value: "every 2h" } });
    fireEvent.click(screen.getByRole("button", { name: "Save" }));
    await waitFor(() => expect(screen.getByRole("status").textContent).toBe("Saved the schedule of #travel"));
    expect(companion.calls).toEqual(["schedule travel every 2h"]);
    fireEvent.click(screen.getByRole("button", { name: "Unfollow #travel" }));
    await waitFor(() => expect(screen.getByRole("status").textContent).toMatch(/409: a run is in progress/));
  });

  it("still shows everything with the companion stopped, its actions off", () => {
    render(<HomeView hashtags={hashtags} runs={runs} actions={null} defaultSchedule="every 6h" />);
    expect(screen.getByText(/The companion is not running/)).toBeTruthy();
    expect(within(screen.getByTestId("hashtags-table")).getAllByRole("row")).toHaveLength(3);
    for (const button of screen.getAllByRole("button"))
      expect((button as HTMLButtonElement).disabled).toBe(true);
  });
});
