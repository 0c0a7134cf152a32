import { once } from "node:events";
import type { AddressInfo } from "node:net";
import type { CompanionStore } from "../store/post-store.ts";
import { type AppOptions, createApp } from "./create-app.ts";

export const LOOPBACK = "127.0.0.1";

export interface RunningServer {
  url: string;
  port: number;
  /** Stops accepting connections, ends open ones (SSE streams included) and resolves when all are gone. */
  close(): Promise<void>;
}

/** Serves the API on 127.0.0.1 only; port 0 picks a free one. */
export const startServer = async (
  store: CompanionStore,
  port: number,
  options: AppOptions,
): Promise<RunningServer> => {
  const server = createApp(store, options).listen(port, LOOPBACK);
  await Promise.race([
    once(server, "listening"),
    once(server, "error").then(([error]) => Promise.reject(error)),
  ]);
  const actual = (server.address() as AddressInfo).port;
  return {
    url: `http://${LOOPBACK}:${actual}`,
    port: actual,
    close: () =>
      new Promise((resolve, reject) => {
        server.close((error) => (error ? reject(error) : resolve()));
        server.closeAllConnections();
      }),
  };
};
