import http from "node:http";
import net from "node:net";

export interface ConnectProxy {
  server: http.Server;
  close(): Promise<void>;
}

const REFUSED = "HTTP/1.1 403 Forbidden\r\nContent-Length: 0\r\nConnection: close\r\n\r\n";

/**
 * An HTTP proxy that tunnels every CONNECT host:443 to the fake's HTTPS port, whatever the host, so
 * tiktok-scraper's `proxy` option or any Node client can be pointed at it. Plain http:// requests get
 * the redirect to https:// that tiktok.com answers with.
 */
export const createConnectProxy = (targetPort: number): ConnectProxy => {
  const sockets = new Set<net.Socket>();
  const track = (socket: net.Socket) => {
    sockets.add(socket);
    socket.on("close", () => sockets.delete(socket));
  };

  const server = http.createServer((request, response) => {
    let target: URL | undefined;
    try {
      target = new URL(request.url ?? "");
    } catch {
      target = undefined;
    }
    if (target?.protocol !== "http:") {
      response
        .writeHead(400, { "Content-Type": "text/plain" })
        .end("This is the fake TikTok's CONNECT proxy\n");
      return;
    }
    response.writeHead(301, { Location: `https://${target.host}${target.pathname}${target.search}` }).end();
  });
  server.on("connection", track);

  server.on("connect", (request: http.IncomingMessage, client: net.Socket, head: Buffer) => {
    const authority = request.url ?? "";
    if (authority.slice(authority.lastIndexOf(":") + 1) !== "443") {
      client.end(REFUSED);
      return;
    }
    const upstream = net.connect(targetPort, "127.0.0.1", () => {
      client.write("HTTP/1.1 200 Connection Established\r\n\r\n");
      if (head.length > 0) upstream.write(head);
      upstream.pipe(client);
      client.pipe(upstream);
    });
    track(upstream);
    const closeBoth = () => {
      client.destroy();
      upstream.destroy();
    };
    upstream.on("error", closeBoth);
    client.on("error", closeBoth);
    upstream.on("close", closeBoth);
    client.on("close", closeBoth);
  });

  return {
    server,
    close: () =>
      new Promise((resolve) => {
        for (const socket of sockets) socket.destroy();
        server.close(() => resolve());
      }),
  };
};
