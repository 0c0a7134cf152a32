import { isObject } from "../../shared/post/coerce.ts";
import { parseDocument, parseRecord } from "../../shared/post/parse-any.ts";
import type { ParseResult, PostSource } from "../../shared/post/post.ts";

/** Our own Post model (from `export --format json`): it carries the original input and where it came from. */
const isPostModel = (value: unknown): value is { raw: unknown; source: PostSource } =>
  isObject(value) && "raw" in value && "description" in value && isObject(value.source);

/** Every post in one JSON value read from an import file. */
export const parseImportValue = (value: unknown): ParseResult[] => {
  // Re-parsing the raw input rather than trusting the model keeps the parsers the only way posts get in.
  if (isPostModel(value)) return [parseRecord(value.raw, value.source)];
  return parseDocument(value);
};
