// @vitest-environment happy-dom
import { cleanup, render, screen, waitFor } from "@testing-library/preact";
import { afterEach, describe, expect, it, vi } from "vitest";
import { makePost } from "../../companion/store/testing/make-post.ts";
import { createAnalyser, memoryLoader } from "./analysis/analyser.ts";
import { App } from "./app.tsx";
import type { DashboardSource, MirrorSnapshot } from "./views/dashboard-source.ts";

// sigma.js needs WebGL, which happy-dom has not; the network view's picture is tested in a real Chromium.
vi.mock("./components/network-graph.tsx", () => ({ NetworkGraphView: () => <div data-testid="graph" /> }));

const { raw: _raw, ...post } = makePost({ id: "1", hashtags: ["travel", "food"] });
const snapshot: MirrorSnapshot = {
  hashtags: [{ hashtag: "travel", followed: true, schedule: "every 6h", posts: 1, videos: 0, lastRun: null }],
  runs: [],
};
const source: DashboardSource = {
  watch: (onSnapshot) => {
    onSnapshot(snapshot);
    return () => {};
  },
  watchPosts: (onState) => {
    onState({ version: "1", videoPostIds: new Set() });
    return () => {};
  },
};
const analyser = createAnalyser(memoryLoader(async () => [post]));

const go = (hash: string) => {
  location.hash = hash;
  dispatchEvent(new HashChangeEvent("hashchange"));
};

afterEach(() => {
  cleanup();
  go("");
});

describe("App", () => {
  it("opens a deep link to a hashtag's view and goes back to the front page", async () => {
    go("#/hashtag/travel");
    render(<App source={source} analyser={analyser} companion={null} defaultSchedule="every 6h" />);
    await waitFor(() => expect(screen.getByRole("heading", { level: 1 }).textContent).toBe("#travel"));
    expect(document.title).toBe("#travel: TikTok Hashtag Analysis");
    go("#/");
    await waitFor(() =>
      expect(screen.getByRole("heading", { level: 1 }).textContent).toBe("Followed hashtags"),
    );
  });

  it("opens a hashtag's network by its address, and a node's link opens the posts filtered by it", async () => {
    go("#/hashtag/travel/network");
    render(<App source={source} analyser={analyser} companion={null} defaultSchedule="every 6h" />);
    await waitFor(() =>
      expect(screen.getByRole("heading", { level: 1 }).textContent).toBe("#travel: co-hashtag network"),
    );
    expect(document.title).toBe("#travel network: TikTok Hashtag Analysis");
    await waitFor(() => expect(screen.getByRole("link", { name: "#food" })).toBeTruthy());
    go(screen.getByRole("link", { name: "#food" }).getAttribute("href") ?? "");
    await waitFor(() => expect(screen.getByRole("heading", { level: 1 }).textContent).toBe("#travel"));
    expect((screen.getByLabelText("With hashtag") as HTMLInputElement).value).toBe("food");
    expect(screen.getByRole("link", { name: "Network" }).getAttribute("href")).toBe(
      "#/hashtag/travel/network",
    );
  });

  it("opens a hashtag's trends by its address", async () => {
    go("#/hashtag/travel/trends");
    render(<App source={source} analyser={analyser} companion={null} defaultSchedule="every 6h" />);
    await waitFor(() =>
      expect(screen.getByRole("heading", { level: 1 }).textContent).toBe("#travel: trends"),
    );
    expect(document.title).toBe("#travel trends: TikTok Hashtag Analysis");
    expect(screen.getByRole("link", { name: "Trends" }).getAttribute("aria-current")).toBe("page");
  });

  it("explains an address that names no page", async () => {
    go("#/hashtag/a%2Fb");
    render(<App source={source} analyser={analyser} companion={null} defaultSchedule="every 6h" />);
    await waitFor(() => expect(screen.getByText(/path separator/)).toBeTruthy());
    expect(screen.getByRole("link", { name: "Back to the dashboard" }).getAttribute("href")).toBe("#/");
  });

  it("says so when the mirror cannot be read", async () => {
    const broken: DashboardSource = {
      watch: (_onSnapshot, onError) => {
        onError(new Error("QuotaExceededError"));
        return () => {};
      },
      watchPosts: () => () => {},
    };
    render(<App source={broken} analyser={analyser} companion={null} defaultSchedule="every 6h" />);
    await waitFor(() => expect(screen.getByRole("alert").textContent).toMatch(/QuotaExceededError/));
  });
});
