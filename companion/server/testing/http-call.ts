import { request as httpRequest } from "node:http";

export interface Reply {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  text: string;
  /** The body parsed as JSON, or null when empty or not JSON. */
  body: unknown;
  ms: number;
}

/** A real HTTP request; node:http rather than fetch, which will not send a forged Host or Origin. */
export const httpCall = (
  baseUrl: string,
  method: string,
  path: string,
  options: { headers?: Record<string, string>; body?: string | Buffer } = {},
): Promise<Reply> =>
  new Promise((resolve, reject) => {
    const started = performance.now();
    const request = httpRequest(`${baseUrl}${path}`, { method, headers: options.headers }, (response) => {
      const chunks: Buffer[] = [];
      response.on("data", (chunk: Buffer) => chunks.push(chunk));
      response.on("end", () => {
        const text = Buffer.concat(chunks).toString("latin1");
        let body: unknown = null;
        try {
          body = text === "" ? null : JSON.parse(text);
        } catch {
          body = null;
        }
        resolve({
          status: response.statusCode ?? 0,
          headers: response.headers,
          text,
          body,
          ms: performance.now() - started,
        });
      });
    });
    request.on("error", reject);
    request.end(options.body);
  });
