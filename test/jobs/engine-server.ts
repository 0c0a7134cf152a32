/**
 * The job engine's routers over real HTTP for tests, on an app shaped like createApp's (JSON body, the same
 * error mapping); the companion's own app mounts the same routers behind its auth.
 */
import type { AddressInfo } from "node:net";
import { createParser } from "eventsource-parser";
import express, { type ErrorRequestHandler } from "express";
import type { JobEngine } from "../../companion/jobs/job-engine.ts";
import { BadRequest } from "../../companion/server/api-routes.ts";
import type { JobEvent } from "../../shared/api/jobs.ts";

export interface EngineServer {
  url: string;
  close(): Promise<void>;
}

const errors: ErrorRequestHandler = (error, _request, response, _next) => {
  const status = (error as { status?: number }).status;
  if (error instanceof BadRequest) return void response.status(400).json({ error: error.message });
  if (status !== undefined && status >= 400 && status < 500)
    return void response.status(status).json({ error: (error as Error).message });
  response.status(500).json({ error: (error as Error).message });
};

export const serveEngine = async (engine: JobEngine): Promise<EngineServer> => {
  const app = express();
  app.use(express.json());
  for (const router of engine.routers) app.use(router);
  app.use(errors);
  const server = app.listen(0, "127.0.0.1");
  await new Promise<void>((resolve) => server.once("listening", resolve));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
};

export interface EventStream {
  events: JobEvent[];
  /** Resolves with the first event (counting those already received) that satisfies `test`. */
  until(test: (event: JobEvent) => boolean, timeoutMs?: number): Promise<JobEvent>;
  close(): void;
}

/** Reads an SSE stream with fetch, as the extension does (EventSource cannot send a Bearer token). */
export const openEvents = async (url: string, lastEventId?: number): Promise<EventStream> => {
  const controller = new AbortController();
  const response = await fetch(url, {
    signal: controller.signal,
    headers: lastEventId === undefined ? {} : { "Last-Event-ID": String(lastEventId) },
  });
  if (!response.ok || !response.body) throw new Error(`SSE ${url}: HTTP ${response.status}`);
  const events: JobEvent[] = [];
  const waiters = new Set<() => void>();
  const parser = createParser({
    onEvent(message) {
      const event = JSON.parse(message.data) as JobEvent;
      if (message.event !== "job" || message.id !== String(event.seq)) throw new Error("malformed SSE frame");
      events.push(event);
      for (const wake of waiters) wake();
    },
  });
  void (async () => {
    const decoder = new TextDecoder();
    try {
      for await (const chunk of response.body as AsyncIterable<Uint8Array>)
        parser.feed(decoder.decode(chunk, { stream: true }));
    } catch {
      // Closed by the test.
    }
  })();
  return {
    events,
    until(test, timeoutMs = 60_000) {
      return new Promise((resolve, reject) => {
        const check = () => {
          const found = events.find(test);
          if (!found) return;
          waiters.delete(check);
          clearTimeout(timer);
          resolve(found);
        };
        const timer = setTimeout(() => {
          waiters.delete(check);
          reject(
            new Error(`no such event after ${timeoutMs} ms; got ${events.map((e) => e.kind).join(",")}`),
          );
        }, timeoutMs);
        waiters.add(check);
        check();
      });
    },
    close: () => controller.abort(),
  };
};
