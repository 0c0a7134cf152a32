import net from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startFakeTikTok } from "./index.ts";
import { fetchBytes, proxyClient } from "./testing/clients.ts";
import type { FakeTikTok } from "./types.ts";

/** Sends raw bytes to the proxy and returns the first response head it sends back. */
const rawExchange = (port: number, text: string): Promise<string> =>
  new Promise((resolve, reject) => {
    const socket = net.connect(port, "127.0.0.1", () => socket.write(text));
    let received = "";
    socket.on("data", (chunk) => {
      received += chunk.toString("latin1");
      if (received.includes("\r\n\r\n")) {
        socket.destroy();
        resolve(received.slice(0, received.indexOf("\r\n\r\n")));
      }
    });
    socket.on("error", reject);
  });

describe("CONNECT proxy", () => {
  let fake: FakeTikTok;
  let proxyPort: number;
  beforeAll(async () => {
    fake = await startFakeTikTok({ tags: { travel: 5 } });
    proxyPort = Number(new URL(fake.proxyUrl).port);
  });
  afterAll(() => fake.close());

  it("tunnels any host:443 to the fake, which names TikTok hosts it does not serve", async () => {
    expect(
      await rawExchange(
        proxyPort,
        "CONNECT anything.example:443 HTTP/1.1\r\nHost: anything.example:443\r\n\r\n",
      ),
    ).toBe("HTTP/1.1 200 Connection Established");
    const client = proxyClient(fake);
    const other = await fetchBytes(client, "https://ads.tiktok.com/");
    expect(other.status).toBe(421);
    expect(other.body.toString()).toBe("The fake TikTok does not serve ads.tiktok.com");
    // The certificate covers TikTok's names only, so a verifying client cannot mistake it for another site.
    await expect(fetchBytes(client, "https://example.org/")).rejects.toThrow(
      /does not match certificate's altnames/u,
    );
    const apex = await fetchBytes(client, "https://tiktok.com/tag/travel");
    expect(apex.status).toBe(301);
    expect(apex.headers.location).toBe("https://www.tiktok.com/tag/travel");
    await client.close();
  });

  it("refuses other ports, redirects plain http to https, and is no web server itself", async () => {
    expect(await rawExchange(proxyPort, "CONNECT www.tiktok.com:80 HTTP/1.1\r\n\r\n")).toMatch(
      /^HTTP\/1\.1 403 Forbidden/u,
    );
    expect(
      await rawExchange(
        proxyPort,
        "GET http://www.tiktok.com/tag/travel?lang=en HTTP/1.1\r\nHost: www.tiktok.com\r\n\r\n",
      ),
    ).toMatch(
      /^HTTP\/1\.1 301 Moved Permanently\r\nLocation: https:\/\/www\.tiktok\.com\/tag\/travel\?lang=en/u,
    );
    expect(await rawExchange(proxyPort, "GET / HTTP/1.1\r\nHost: x\r\n\r\n")).toMatch(/^HTTP\/1\.1 400/u);
  });

  it("closes with tunnels still open", async () => {
    const other = await startFakeTikTok({ tags: { travel: 1 } });
    const port = Number(new URL(other.proxyUrl).port);
    const socket = net.connect(port, "127.0.0.1", () =>
      socket.write("CONNECT www.tiktok.com:443 HTTP/1.1\r\n\r\n"),
    );
    await new Promise((resolve) => socket.once("data", resolve));
    const closed = new Promise((resolve) => socket.once("close", resolve));
    await other.close();
    await closed;
    expect(socket.destroyed).toBe(true);
  });
});
