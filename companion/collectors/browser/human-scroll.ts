import type { Page } from "puppeteer-core";
import { sleep } from "../politeness/sleep.ts";
import { planScroll } from "./scroll-plan.ts";

/** Scrolls with the mouse wheel, in uneven notches and pauses, as a person reading the grid would. */
export const humanScroll = async (page: Page, random: () => number, signal?: AbortSignal): Promise<void> => {
  const viewport = page.viewport() ?? { width: 1280, height: 900 };
  const plan = planScroll(random, viewport);
  await page.mouse.move(plan.pointer.x, plan.pointer.y, { steps: 2 });
  for (const step of plan.steps) {
    await page.mouse.wheel({ deltaY: step.deltaY });
    await sleep(step.pauseMs, signal);
  }
};
