import { Agent, type Dispatcher, ProxyAgent, request } from "undici";
import type { ItemStruct } from "../item-struct.ts";
import type { FakeTikTok } from "../types.ts";

/**
 * Node clients of a running fake, trusting its certificate rather than skipping verification: one that
 * talks to the origin directly (served as www.tiktok.com), one that reaches any TikTok host via the proxy.
 */
export const directClient = (fake: FakeTikTok): Agent => new Agent({ connect: { ca: fake.caCertificate } });

export const proxyClient = (fake: FakeTikTok): ProxyAgent =>
  new ProxyAgent({ uri: fake.proxyUrl, requestTls: { ca: fake.caCertificate } });

export interface Fetched {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  body: Buffer;
}

export const fetchBytes = async (
  dispatcher: Dispatcher,
  url: string,
  options: {
    method?: "GET" | "HEAD" | "POST" | "DELETE";
    headers?: Record<string, string>;
    body?: string;
  } = {},
): Promise<Fetched> => {
  const response = await request(url, {
    dispatcher,
    method: options.method ?? "GET",
    headers: options.headers,
    body: options.body,
  });
  return {
    status: response.statusCode,
    headers: response.headers,
    body: Buffer.from(await response.body.arrayBuffer()),
  };
};

export const fetchJson = async (
  dispatcher: Dispatcher,
  url: string,
): Promise<{ status: number; json: unknown; text: string }> => {
  const { status, body } = await fetchBytes(dispatcher, url);
  const text = body.toString("utf8");
  return { status, json: JSON.parse(text), text };
};

export interface ItemListBody {
  statusCode: number;
  cursor: string;
  hasMore: boolean;
  itemList?: ItemStruct[];
}

/** Pages through a tag's item_list from cursor 0 until hasMore is false, as a scraper would. */
export const collectTag = async (
  dispatcher: Dispatcher,
  base: string,
  challengeId: string,
  count = 30,
): Promise<{ items: ItemStruct[]; pages: ItemListBody[] }> => {
  const items: ItemStruct[] = [];
  const pages: ItemListBody[] = [];
  let cursor = "0";
  for (let guard = 0; guard < 10_000; guard++) {
    const url = `${base}/api/challenge/item_list/?challengeID=${challengeId}&cursor=${cursor}&count=${count}`;
    const page = (await fetchJson(dispatcher, url)).json as ItemListBody;
    pages.push(page);
    items.push(...(page.itemList ?? []));
    if (!page.hasMore) return { items, pages };
    cursor = page.cursor;
  }
  throw new Error("item_list never reached hasMore: false");
};

/** Visits a page so the client holds a tt_chain_token; returns the Cookie header to send. */
export const chainTokenCookie = async (dispatcher: Dispatcher, pageUrl: string): Promise<string> => {
  const { headers } = await fetchBytes(dispatcher, pageUrl);
  const setCookie = [headers["set-cookie"] ?? []].flat()[0];
  if (!setCookie) throw new Error(`${pageUrl} set no cookie`);
  return setCookie.split(";")[0]!;
};
