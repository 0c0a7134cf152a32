import { UserError } from "./user-error.ts";

const oneLine = (text: string): string => text.replace(/\s*\n\s*/gu, " ").trim();

/** Any failure as the one line the CLI prints after "error: ". */
export const describeError = (error: unknown): string => {
  if (error instanceof UserError) return oneLine(error.message);
  const code = (error as { code?: unknown } | null)?.code;
  const message = error instanceof Error ? error.message : String(error);
  if (code === "SQLITE_BUSY")
    return "The database is busy: another process kept writing to it for too long; try again when it is done";
  if (typeof code === "string" && code.startsWith("SQLITE_"))
    return oneLine(`Database error (${code}): ${message}`);
  if (typeof code === "string" && code.startsWith("E")) return oneLine(message);
  return oneLine(`Unexpected error: ${message} (set TIKTOK_HASHTAG_DEBUG=1 to see where)`);
};
