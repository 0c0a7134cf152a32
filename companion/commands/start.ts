import { once } from "node:events";
import type { Command } from "commander";
import { DEFAULT_PORT } from "../../shared/api/default-port.ts";
import { globalOptions } from "../cli/global-options.ts";
import { openStoreForCli } from "../cli/open-store.ts";
import { packageVersion } from "../cli/package-version.ts";
import { UserError } from "../cli/user-error.ts";

const parsePort = (input: string): number => {
  const port = Number(input);
  if (!/^\d+$/u.test(input) || port > 65_535)
    throw new UserError(`--port must be 0-65535, got ${JSON.stringify(input)}`);
  return port;
};

export const registerStartCommand = (program: Command): void => {
  program
    .command("start")
    .description(
      "Serve the local API the browser extension talks to, on 127.0.0.1 only, until stopped (Ctrl-C)",
    )
    .option("--port <port>", "the port to listen on", String(DEFAULT_PORT))
    .action(async (options: { port: string }, command: Command) => {
      const { dataDir, json } = globalOptions(command);
      const port = parsePort(options.port);
      const store = openStoreForCli(dataDir, "write");
      // Loaded here so that other commands do not pay for Express at start-up.
      const { startServer } = await import("../server/start-server.ts");
      let server: Awaited<ReturnType<typeof startServer>>;
      try {
        server = await startServer(store, port, packageVersion());
      } catch (error) {
        store.close();
        const code = (error as NodeJS.ErrnoException).code;
        if (code === "EADDRINUSE")
          throw new UserError(`Port ${port} is in use (is the companion already running?)`);
        throw error;
      }
      process.stdout.write(
        json
          ? `${JSON.stringify({ url: server.url, dataDir: store.dataDir })}\n`
          : `Listening on ${server.url} (data: ${store.dataDir})\n`,
      );
      await Promise.race([once(process, "SIGINT"), once(process, "SIGTERM")]);
      await server.close();
      store.close();
    });
};
