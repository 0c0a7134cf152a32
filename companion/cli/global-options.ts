import type { Command } from "commander";

export interface GlobalOptions {
  dataDir: string;
  json: boolean;
}

export const DEFAULT_DATA_DIR = "./data";

/** The program-wide options (--data-dir, --json) as seen from a subcommand. */
export const globalOptions = (command: Command): GlobalOptions => {
  const options = command.optsWithGlobals<{ dataDir?: string; json?: boolean }>();
  return { dataDir: options.dataDir ?? DEFAULT_DATA_DIR, json: options.json === true };
};
