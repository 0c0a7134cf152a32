/**
 * Entries no parser may turn into a post, as a broken or hostile server might put them in an itemList: no id,
 * ids that are paths, fractions or exponent notation, a prototype-polluting key, a post nested deeper than the
 * companion accepts (with a valid-looking id). Written as JSON text, so `__proto__` stays a plain key.
 */
const deep = (levels: number): string =>
  `${'{"id":"7399999999999999999","nested":'.repeat(levels)}{}${"}".repeat(levels)}`;

export const ODD_ITEMS_JSON = [
  "{}",
  '"7301234567890123456"',
  "42",
  "[]",
  '{"desc":"no id #travel"}',
  '{"id":"../../../../tmp/evil","desc":"a path"}',
  '{"id":"7.35E+18","desc":"a spreadsheet id"}',
  '{"id":-5}',
  '{"id":{"$gt":""}}',
  '{"__proto__":{"polluted":true},"id":"not a number"}',
  deep(45),
];

/** The number of odd entries withOddItems adds. */
export const ODD_ITEM_COUNT = ODD_ITEMS_JSON.length;

/** A JSON response with the odd entries put first in its itemList; other JSON is returned unchanged. */
export const withOddItems = (json: string): string =>
  json.replace(
    '"itemList":[',
    `"itemList":[${ODD_ITEMS_JSON.join(",")}${json.includes('"itemList":[]') ? "" : ","}`,
  );
