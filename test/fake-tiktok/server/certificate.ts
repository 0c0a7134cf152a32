import selfsigned from "selfsigned";
import { CERTIFICATE_NAMES } from "../hosts.ts";

export interface Certificate {
  key: string;
  cert: string;
}

const DNS = 2;
const IP = 7;

/**
 * A fresh self-signed certificate for every TikTok host the fake answers for. It is its own CA
 * (basicConstraints cA), so Node clients can pass it as `ca` instead of turning verification off.
 */
export const createCertificate = (): Certificate => {
  const notBefore = new Date(Date.now() - 86_400_000);
  const pems = selfsigned.generate([{ name: "commonName", value: "www.tiktok.com" }], {
    keySize: 2048,
    algorithm: "sha256",
    days: 30,
    notBeforeDate: notBefore,
    extensions: [
      { name: "basicConstraints", cA: true, critical: true },
      { name: "keyUsage", keyCertSign: true, digitalSignature: true, keyEncipherment: true, critical: true },
      { name: "extKeyUsage", serverAuth: true },
      {
        name: "subjectAltName",
        altNames: [
          ...CERTIFICATE_NAMES.map((value) => ({ type: DNS, value })),
          { type: IP, ip: "127.0.0.1" },
        ],
      },
    ],
  });
  return { key: pems.private, cert: pems.cert };
};
