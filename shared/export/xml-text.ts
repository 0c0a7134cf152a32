// XML 1.0's Char production: what an XML document can hold at all, escaped or not.
const NOT_XML = /[^\t\n\r\u0020-\uD7FF\uE000-\uFFFD\u{10000}-\u{10FFFF}]/u;

/**
 * Refuses text XML 1.0 cannot carry (control characters, lone surrogates), naming it, rather than writing a file
 * Gephi cannot open or silently changing a hashtag.
 */
export const requireXmlText = (text: string, what: string): string => {
  const bad = NOT_XML.exec(text);
  if (bad)
    throw new Error(
      `${what} ${JSON.stringify(text)} holds U+${(bad[0].codePointAt(0) ?? 0).toString(16).toUpperCase().padStart(4, "0")}, which XML cannot carry; use the CSV format for it`,
    );
  return text;
};
