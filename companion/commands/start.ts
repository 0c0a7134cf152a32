import type { Command } from "commander";
import { DEFAULT_PORT } from "../../shared/api/default-port.ts";
import { lazyAction } from "../cli/lazy-action.ts";

export const registerStartCommand = (program: Command): void => {
  program
    .command("start")
    .description(
      "Serve the local API the browser extension talks to, on 127.0.0.1 only, until stopped (Ctrl-C)",
    )
    .option("--port <port>", "the port to listen on", String(DEFAULT_PORT))
    .option("--new-token", "replace the pairing token (paired browsers must pair again)")
    .option(
      "--proxy <url>",
      "send the jobs' TikTok traffic through this proxy (http://host:port or socks5://host:port), as download's",
    )
    .action(lazyAction(async () => (await import("./start-action.ts")).startAction));
};
