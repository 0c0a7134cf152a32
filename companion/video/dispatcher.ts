import {
  Agent,
  type Dispatcher,
  getGlobalDispatcher,
  interceptors,
  ProxyAgent,
  Socks5ProxyAgent,
} from "undici";

export interface DispatcherOptions {
  /** The CLI's --proxy: http(s)://host:port of a CONNECT proxy, or socks5://host:port. */
  proxy?: string | null;
  /** Extra trusted CA (PEM). Production uses the system CAs; tests pass the fake's certificate. */
  ca?: string | null;
}

/** The undici dispatcher every companion HTTP request goes through; CDN media URLs often redirect. */
export const createDispatcher = ({ proxy, ca }: DispatcherOptions = {}): Dispatcher => {
  const tls = ca ? { ca } : undefined;
  const base: Dispatcher = proxy?.startsWith("socks5:")
    ? new Socks5ProxyAgent(proxy)
    : proxy
      ? new ProxyAgent({ uri: proxy, requestTls: tls })
      : tls
        ? new Agent({ connect: tls })
        : getGlobalDispatcher();
  return base.compose(interceptors.redirect({ maxRedirections: 5 }));
};

/** A header of an undici response as one string. */
export const headerValue = (headers: Record<string, string | string[] | undefined>, name: string) => {
  const value = headers[name];
  return Array.isArray(value) ? value[0] : value;
};
