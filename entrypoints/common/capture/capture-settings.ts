import browser from "webextension-polyfill";

const KEY = "capture";

/** Whether the user paused passive capture (extension storage, so it survives restarts and every context sees it). */
export const readCapturePaused = async (): Promise<boolean> => {
  const stored = (await browser.storage.local.get(KEY))[KEY] as { paused?: unknown } | undefined;
  return stored?.paused === true;
};

export const writeCapturePaused = async (paused: boolean): Promise<void> => {
  await browser.storage.local.set({ [KEY]: { paused } });
};
