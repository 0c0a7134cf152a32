import { once } from "node:events";
import type { Command } from "commander";
import { DEFAULT_PORT } from "../../shared/api/default-port.ts";
import { CHROME_EXTENSION_ID } from "../../shared/api/extension-identity.ts";
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

/** The extension assumes the default port; on any other it must be told where the companion listens. */
export const pairingLink = (token: string, url: string): string => {
  const link = `chrome-extension://${CHROME_EXTENSION_ID}/options.html?token=${encodeURIComponent(token)}`;
  return new URL(url).port === String(DEFAULT_PORT) ? link : `${link}&url=${encodeURIComponent(url)}`;
};

/** `start`: serves the extension's API until SIGINT or SIGTERM, then checkpoints and closes the store. */
export const startAction = async (
  options: { port: string; newToken?: boolean; proxy?: string },
  command: Command,
) => {
  const { dataDir, json } = globalOptions(command);
  const port = parsePort(options.port);
  // No busy wait: better-sqlite3 would freeze every request while a CLI import writes; 503 instead.
  const store = openStoreForCli(dataDir, "write", { busyTimeoutMs: 0 });
  // Loaded here so that other commands do not pay for Express at start-up.
  const { startServer } = await import("../server/start-server.ts");
  const { lockDataDir, DataDirLocked } = await import("../server/data-dir-lock.ts");
  const { loadToken } = await import("../server/token-file.ts");
  const { COMPANION_EXTENSIONS } = await import("../server/companion-extensions.ts");
  let release: () => void;
  try {
    release = lockDataDir(store.dataDir);
  } catch (error) {
    store.close();
    if (error instanceof DataDirLocked) throw new UserError(error.message);
    throw error;
  }
  const cleanup = () => {
    store.close();
    release();
  };
  // Listening before the address is printed: whoever reads it may stop us at once, and must get exit code 0.
  const stopSignal = Promise.race([once(process, "SIGINT"), once(process, "SIGTERM")]);
  let server: Awaited<ReturnType<typeof startServer>>;
  let extensions: Awaited<ReturnType<(typeof COMPANION_EXTENSIONS)[number]>>[];
  let tokenFile: string;
  try {
    const loaded = loadToken(store.dataDir, options.newToken === true);
    tokenFile = loaded.tokenFile;
    extensions = await Promise.all(
      COMPANION_EXTENSIONS.map((make) =>
        make({ store, dataDir: store.dataDir, proxy: options.proxy ?? null }),
      ),
    );
    server = await startServer(store, port, {
      version: packageVersion(),
      token: loaded.token,
      routers: extensions.flatMap((extension) => extension.routers ?? []),
    });
    for (const extension of extensions) await extension.start?.();
    process.stdout.write(
      json
        ? `${JSON.stringify({ url: server.url, dataDir: store.dataDir, tokenFile })}\n`
        : [
            `Listening on ${server.url}`,
            `Data folder: ${store.dataDir}`,
            `Token file:  ${tokenFile}`,
            `Pair the Chrome extension by opening: ${pairingLink(loaded.token, server.url)}`,
            "(Firefox: paste the token from the token file into the extension's options.) Ctrl-C stops.",
            "",
          ].join("\n"),
    );
  } catch (error) {
    cleanup();
    const code = (error as NodeJS.ErrnoException).code;
    if (code === "EADDRINUSE")
      throw new UserError(`Port ${port} is in use (is the companion already running?)`);
    throw error;
  }
  await stopSignal;
  // Stop taking requests first, then let the extensions checkpoint their work, then close the store.
  try {
    await server.close();
    for (const extension of extensions) await extension.stop?.();
  } finally {
    cleanup();
  }
};
