/**
 * The Chrome build's fixed identity. The manifest's `key` is the public half of a key pair; Chrome derives the
 * extension id from it, so the companion can allow exactly this origin and print a pairing link that works.
 * The private half is not needed: it only signs Web Store uploads, which go through the store's own key.
 */
export const CHROME_EXTENSION_KEY =
  "MIIBIjANBgkqhkiG9w0BAQEFAAOCAQ8AMIIBCgKCAQEAvBceAjzGYblLUaZss+/6bM4aTuBaUIbs2aYhn2PNgYtg4Z0rUBvDI8yKnRzLRsrxNg5my576ZVyCTfyLKtTWeYOkLqzpaw6R+EaatwRGK/aVnSkO9sFWGJbm7IyL3KdzE4PLbPGK1flyRUJ0Z7DT5lja4UkBqhxfP1cojkKwdqKdBd+xIn0KV7OMi2f33JNcJENuZY06B+GPkpwVaNDKIFdpijfsM543vUk0uPhUXMBdzJ6Xpr62FeVZ7AR7vSh2l+0tlS117yY/GcuC80OZTQg2T8LdMxiVd7Gz2sZTB6ccC4gXlF8h4/GxRG/YCElcnmwygrZvyvc3Vn5Kjo+5vQIDAQAB";

/** Derived from CHROME_EXTENSION_KEY (sha256 of the key, first 32 hex digits mapped 0-f to a-p); a test checks it. */
export const CHROME_EXTENSION_ID = "gecjcnapaplhficmciaphobdkfoefogj";

export const CHROME_EXTENSION_ORIGIN = `chrome-extension://${CHROME_EXTENSION_ID}`;
