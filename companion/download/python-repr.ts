// Characters Python's str.isprintable() rejects (so repr() escapes them): controls, format characters,
// surrogates, private use, unassigned, and separators other than the ASCII space.
const NOT_PRINTABLE = /[\p{Cc}\p{Cf}\p{Cs}\p{Co}\p{Cn}\p{Zl}\p{Zp}\p{Zs}]/u;
// A Map: looked up with characters of user data, which a plain object would match against its prototype.
const NAMED_ESCAPES = new Map([
  ["\\", "\\\\"],
  ["\n", "\\n"],
  ["\r", "\\r"],
  ["\t", "\\t"],
]);

const escapeCodePoint = (char: string): string => {
  const code = char.codePointAt(0) ?? 0;
  if (code < 0x100) return `\\x${code.toString(16).padStart(2, "0")}`;
  if (code < 0x10000) return `\\u${code.toString(16).padStart(4, "0")}`;
  return `\\U${code.toString(16).padStart(8, "0")}`;
};

/** Python 3's repr() of a str, so lines copied from the seed's logs compare equal. */
export const pythonStrRepr = (text: string): string => {
  // Python prefers single quotes and switches to double quotes only to avoid escaping.
  const quote = text.includes("'") && !text.includes('"') ? '"' : "'";
  let body = "";
  for (const char of text) {
    if (char === quote) body += `\\${quote}`;
    else if (NAMED_ESCAPES.has(char)) body += NAMED_ESCAPES.get(char);
    else if (char !== " " && NOT_PRINTABLE.test(char)) body += escapeCodePoint(char);
    else body += char;
  }
  return `${quote}${body}${quote}`;
};

/** Python 3's repr() of a list of str: ['a', 'b']. */
export const pythonListRepr = (items: readonly string[]): string =>
  `[${items.map(pythonStrRepr).join(", ")}]`;
