/**
 * A post id is TikTok's: a string of ASCII digits. It becomes a file name (`<id>.mp4`) and a database key, so
 * anything else (a path, a rounded number, a unicode digit) is refused where posts come in, with the reason.
 */

/** 1-20 ASCII digits: TikTok's ids are 19 digits today; 20 leaves room for 2^64 - 1. */
export const POST_ID_PATTERN = /^[0-9]{1,20}$/u;

export const isPostId = (value: string): boolean => POST_ID_PATTERN.test(value);

/** Quoted and escaped, so a NUL or a newline in a hostile id shows in the message instead of breaking it. */
const shown = (value: string): string =>
  JSON.stringify(value.length > 40 ? `${value.slice(0, 40)}...` : value);

/** Why `value` (a string id as found in the input) is not a post id; null when it is one. */
export const postIdProblem = (value: string): string | null => {
  if (isPostId(value)) return null;
  if (value === "") return "the id is empty";
  if (value.trim() !== value) return `the id ${shown(value)} has surrounding whitespace`;
  if (/^[0-9]+$/u.test(value)) return `the id ${shown(value)} has ${value.length} digits, more than 20`;
  if (/^-[0-9]/u.test(value)) return `the id ${shown(value)} is negative`;
  if (/^[0-9]*\.[0-9]+$/u.test(value)) return `the id ${shown(value)} is a fraction`;
  if (/^[0-9]+([.,][0-9]+)?e[+-]?[0-9]+$/iu.test(value))
    return `the id ${shown(value)} is in exponent notation (as a spreadsheet shows big numbers), its digits are lost`;
  if (/^\p{Nd}+$/u.test(value)) return `the id ${shown(value)} has non-ASCII digits`;
  return `the id ${shown(value)} is not a string of digits`;
};

/**
 * The post id in a JSON value, or why there is none. A number counts only when it is a safe non-negative
 * integer: a bigger integer arrives as its digit string from parseJson, so a number beyond 2^53 here was
 * already rounded by someone else's parser and its true digits are gone.
 */
export const readPostId = (value: unknown): { ok: true; id: string } | { ok: false; reason: string } => {
  if (typeof value === "string") {
    const problem = postIdProblem(value);
    return problem === null ? { ok: true, id: value } : { ok: false, reason: problem };
  }
  if (typeof value === "bigint")
    return value >= 0n ? readPostId(value.toString()) : { ok: false, reason: `the id ${value} is negative` };
  if (typeof value === "number") {
    if (!Number.isFinite(value)) return { ok: false, reason: `the id ${value} is not a number of digits` };
    if (!Number.isInteger(value)) return { ok: false, reason: `the id ${value} is a fraction` };
    if (value < 0 || Object.is(value, -0)) return { ok: false, reason: `the id ${value} is negative` };
    if (!Number.isSafeInteger(value))
      return { ok: false, reason: `the id ${value} is a number beyond 2^53, its exact digits are lost` };
    return { ok: true, id: String(value) };
  }
  if (value === undefined || value === null) return { ok: false, reason: "post has no id" };
  return {
    ok: false,
    reason: `the id is ${Array.isArray(value) ? "a list" : `a ${typeof value}`}, not digits`,
  };
};
