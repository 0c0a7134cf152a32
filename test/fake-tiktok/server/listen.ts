import type { Server } from "node:net";

/** Listens on 127.0.0.1 only; resolves with the bound port, rejects with a one-line reason. */
export const listenOnLoopback = (server: Server, port: number, what: string): Promise<number> =>
  new Promise((resolve, reject) => {
    const fail = (error: NodeJS.ErrnoException) =>
      reject(
        new Error(
          `cannot start the fake TikTok's ${what} on 127.0.0.1:${port}: ${error.code ?? error.message}`,
        ),
      );
    server.once("error", fail);
    server.listen(port, "127.0.0.1", () => {
      server.off("error", fail);
      const address = server.address();
      resolve(typeof address === "object" && address ? address.port : port);
    });
  });
