import type { Command } from "commander";
import { describeError } from "./describe-error.ts";

/**
 * Runs the program and turns any failure into "error: <one line>" on stderr and exit code 1. The stack trace
 * is only for debugging (TIKTOK_HASHTAG_DEBUG=1).
 */
export const runCli = async (program: Command, argv: string[] = process.argv): Promise<void> => {
  // `... | head` closes stdout early; that is the reader's choice, not an error.
  process.stdout.on("error", (error: NodeJS.ErrnoException) => {
    if (error.code === "EPIPE") process.exit(0);
    throw error;
  });
  try {
    await program.parseAsync(argv);
  } catch (error) {
    process.stderr.write(`error: ${describeError(error)}\n`);
    if (process.env.TIKTOK_HASHTAG_DEBUG === "1" && error instanceof Error)
      process.stderr.write(`${error.stack}\n`);
    process.exitCode = 1;
  }
};
