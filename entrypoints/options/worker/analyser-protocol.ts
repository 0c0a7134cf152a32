import type { Analyser } from "../analysis/analyser.ts";

/** The typed messages between the page and the counting worker: one request, one reply, matched by id. */
type Method = keyof Analyser;

export interface AnalyserRequest<M extends Method = Method> {
  id: number;
  method: M;
  args: Parameters<Analyser[M]>;
}

export type AnalyserReply =
  | { id: number; ok: true; value: Awaited<ReturnType<Analyser[Method]>> }
  | { id: number; ok: false; error: string };

/** The part of a Worker, a worker's global scope or a MessagePort that the protocol uses. */
export interface MessageEndpoint {
  postMessage(message: unknown): void;
  addEventListener(type: "message", listener: (event: MessageEvent) => void): void;
}

/** Worker side: answers every request with the analyser's result or its error message. */
export const serveAnalyser = (endpoint: MessageEndpoint, analyser: Analyser): void => {
  endpoint.addEventListener("message", async (event) => {
    const { id, method, args } = event.data as AnalyserRequest;
    try {
      const call = analyser[method] as (...a: typeof args) => Promise<unknown>;
      const value = await call(...args);
      endpoint.postMessage({ id, ok: true, value } as AnalyserReply);
    } catch (error) {
      endpoint.postMessage({ id, ok: false, error: error instanceof Error ? error.message : String(error) });
    }
  });
};

/** Page side: the analyser, run in the worker at the other end of `endpoint`. */
export const analyserClient = (endpoint: MessageEndpoint): Analyser => {
  let nextId = 0;
  const pending = new Map<number, { resolve: (value: never) => void; reject: (error: Error) => void }>();
  endpoint.addEventListener("message", (event) => {
    const reply = event.data as AnalyserReply;
    const waiting = pending.get(reply.id);
    if (!waiting) return;
    pending.delete(reply.id);
    if (reply.ok) waiting.resolve(reply.value as never);
    else waiting.reject(new Error(reply.error));
  });
  const call =
    <M extends Method>(method: M) =>
    (...args: Parameters<Analyser[M]>) =>
      new Promise<never>((resolve, reject) => {
        const id = nextId++;
        pending.set(id, { resolve, reject });
        endpoint.postMessage({ id, method, args } satisfies AnalyserRequest<M>);
      });
  return {
    count: call("count"),
    list: call("list"),
    exportSelection: call("exportSelection"),
    network: call("network"),
    trends: call("trends"),
  };
};
