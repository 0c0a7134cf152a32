/** Text for HTML element content and attribute values. */
export const escapeHtml = (text: string): string =>
  text.replace(/[&<>"']/gu, (char) => `&#${char.charCodeAt(0)};`);

/**
 * TikTok's data script: JSON in a script element, with '<' escaped so no caption can close the element
 * early (the real site does the same).
 */
export const rehydrationScript = (scope: Record<string, unknown>): string =>
  `<script id="__UNIVERSAL_DATA_FOR_REHYDRATION__" type="application/json">${JSON.stringify({
    __DEFAULT_SCOPE__: scope,
  }).replace(/</gu, "\\u003c")}</script>`;

export const appContext = () => ({
  "webapp.app-context": { language: "en", region: "US", appId: 1233, user: {}, wid: "" },
});

export const htmlDocument = (title: string, head: string, body: string): string =>
  `<!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>${escapeHtml(title)}</title>${head}</head><body>${body}</body></html>`;
