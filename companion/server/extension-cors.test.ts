import { describe, expect, it } from "vitest";
import { CHROME_EXTENSION_ORIGIN } from "../../shared/api/extension-identity.ts";
import { isExtensionOrigin } from "./extension-cors.ts";

describe("isExtensionOrigin", () => {
  it.each([
    [CHROME_EXTENSION_ORIGIN, true],
    ["moz-extension://0f1e2d3c-4b5a-6978-8796-a5b4c3d2e1f0", true],
    [`${CHROME_EXTENSION_ORIGIN}/`, false],
    [`${CHROME_EXTENSION_ORIGIN.toUpperCase()}`, false],
    [`${CHROME_EXTENSION_ORIGIN}.evil.example`, false],
    ["chrome-extension://abcdefghijklmnopabcdefghijklmnop", false],
    ["moz-extension://0F1E2D3C-4B5A-6978-8796-A5B4C3D2E1F0x", false],
    ["moz-extension://evil.example", false],
    ["https://www.tiktok.com", false],
    ["http://127.0.0.1:17717", false],
    ["null", false],
    ["", false],
  ])("%s -> %s", (origin, allowed) => {
    expect(isExtensionOrigin(origin)).toBe(allowed);
  });
});
