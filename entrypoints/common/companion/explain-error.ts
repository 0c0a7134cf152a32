import { CompanionUnreachableError, NotPairedError } from "./companion-api.ts";

export const START_COMMAND = "npx tiktok-hashtag-analysis start";

/** Any failure talking to the companion, in words that say what to do next. */
export const explainError = (error: unknown): string => {
  if (error instanceof CompanionUnreachableError)
    return `The companion is not running. Start it in the project folder with: ${START_COMMAND}`;
  if (error instanceof NotPairedError)
    return "This browser is not paired with the companion. Open the pairing link that `start` printed.";
  return error instanceof Error ? error.message : String(error);
};
