import https from "node:https";
import { createCorpus } from "../corpus/corpus.ts";
import { hostResolverRules } from "../hosts.ts";
import type { FakeTikTok, FakeTikTokOptions, RequestRecord } from "../types.ts";
import { createApp } from "./app.ts";
import { createCertificate } from "./certificate.ts";
import { ChainTokens } from "./chain-tokens.ts";
import { createConnectProxy } from "./connect-proxy.ts";
import { FaultRegistry } from "./fault-registry.ts";
import { listenOnLoopback } from "./listen.ts";
import { PendingTimers } from "./pending-timers.ts";
import { resolveSettings } from "./settings.ts";
import { createSite } from "./site.ts";

/** Starts the fake: an HTTPS server for every TikTok host and a CONNECT proxy in front of it, on loopback. */
export const startFakeTikTok = async (options: FakeTikTokOptions = {}): Promise<FakeTikTok> => {
  const settings = resolveSettings(options);
  const corpus = createCorpus(settings);
  const { key, cert } = createCertificate();
  const faults = new FaultRegistry();
  const timers = new PendingTimers();
  const records: RequestRecord[] = [];
  const endpoints = { origin: "", proxyUrl: "" };
  const app = createApp({
    site: createSite(corpus, settings.pageSize, new ChainTokens()),
    faults,
    timers,
    records,
    describe: () => ({ ...endpoints }),
  });

  const server = https.createServer({ key, cert }, app);
  const port = await listenOnLoopback(server, settings.port, "HTTPS server");
  const proxy = createConnectProxy(port);
  const closeServer = () =>
    new Promise<void>((resolve) => {
      timers.clear();
      server.closeAllConnections();
      server.close(() => resolve());
    });
  let proxyPort: number;
  try {
    proxyPort = await listenOnLoopback(proxy.server, settings.proxyPort, "CONNECT proxy");
  } catch (error) {
    await closeServer();
    throw error;
  }
  endpoints.origin = `https://127.0.0.1:${port}`;
  endpoints.proxyUrl = `http://127.0.0.1:${proxyPort}`;

  return {
    ...endpoints,
    port,
    chromiumArgs: [`--host-resolver-rules=${hostResolverRules(port)}`, "--ignore-certificate-errors"],
    caCertificate: cert,
    corpus,
    addFault: (rule) => faults.add(rule),
    clearFaults: () => faults.clear(),
    reset: () => {
      faults.clear();
      records.length = 0;
    },
    requests: records,
    close: async () => {
      await proxy.close();
      await closeServer();
    },
  };
};
