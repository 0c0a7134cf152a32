import { createHash } from "node:crypto";
import { describe, expect, it } from "vitest";
import { CHROME_EXTENSION_ID, CHROME_EXTENSION_KEY } from "./extension-identity.ts";

describe("the Chrome extension's fixed identity", () => {
  it("is the id Chrome derives from the manifest key", () => {
    const digest = createHash("sha256").update(Buffer.from(CHROME_EXTENSION_KEY, "base64")).digest("hex");
    const id = [...digest.slice(0, 32)]
      .map((hex) => String.fromCharCode(97 + Number.parseInt(hex, 16)))
      .join("");
    expect(id).toBe(CHROME_EXTENSION_ID);
  });
});
