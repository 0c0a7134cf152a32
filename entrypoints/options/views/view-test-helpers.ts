import { screen, waitFor, within } from "@testing-library/preact";
import { expect } from "vitest";
import { makePost } from "../../../companion/store/testing/make-post.ts";
import type { DashboardPost } from "../analysis/analyse-hashtag.ts";

/** A post as the mirror holds it: the store's test post without `raw`. */
export const slimPost = (spec: Parameters<typeof makePost>[0]): DashboardPost => {
  const { raw: _raw, ...post } = makePost(spec);
  return post;
};

/** The text of each body row's cells of the table with this test id (its header row left out). */
export const tableCells = (testId: string) =>
  within(screen.getByTestId(testId))
    .getAllByRole("row")
    .slice(1)
    .map((row) =>
      within(row)
        .getAllByRole("cell")
        .map((cell) => cell.textContent),
    );

/** Waits until the view says it has counted (its <main data-state="ready">). */
export const viewReady = () => waitFor(() => expect(screen.getByRole("main").dataset.state).toBe("ready"));
