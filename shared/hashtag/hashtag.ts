/**
 * Hashtag rules. A validated hashtag is safe to use as a folder name: it can only hold letters, marks, digits,
 * '_' and emoji, so it can never address a path outside the data folder.
 */

export const MAX_HASHTAG_LENGTH = 100;

/**
 * A hashtag names folders and files (`<tag>_2025_01_01_12_00_00.png`, written via a `.<name>.<random>.part`
 * temporary file), and file systems allow 255 bytes per name, not characters: 100 emoji are 400+ bytes. This
 * leaves 55 bytes for what is added around the tag.
 */
export const MAX_HASHTAG_BYTES = 200;

const utf8Length = (text: string): number => new TextEncoder().encode(text).length;

const normalise = (input: string): string =>
  input.trim().replace(/^#+/u, "").trim().normalize("NFC").toLowerCase().normalize("NFC");

/** A tag that is already normal: nothing to trim, strip, compose or fold (most of what TikTok sends). */
const PLAIN = /^[a-z0-9_]*$/;

/** Other tags seen lately, normalised: tags repeat across posts, and the full normalisation is six passes. */
const seen = new Map<string, string>();
const MAX_SEEN = 10_000;

/**
 * strip '#', trim, NFC, case-fold. Does not validate; use for tags read from TikTok's own data. An import
 * normalises each of a post's tags twice (its hashtags, then its own tags from them): 157k calls for 20k scraper
 * items took 60 ms, 11 ms with a plain tag returned as it is and the others remembered.
 */
export const normaliseHashtag = (input: string): string => {
  if (PLAIN.test(input)) return input;
  let normal = seen.get(input);
  if (normal === undefined) {
    normal = normalise(input);
    if (seen.size >= MAX_SEEN) seen.clear();
    seen.set(input, normal);
  }
  return normal;
};

export type HashtagResult = { ok: true; hashtag: string } | { ok: false; error: string };

const quote = (input: string): string => JSON.stringify(input);

// Letters, combining marks, digits, '_', and what emoji are made of (pictographs, ZWJ, variation selectors,
// skin tones, keycaps and regional indicators).
const ALLOWED =
  /^(?:[\p{L}\p{M}\p{N}_]|\p{Extended_Pictographic}|\p{Emoji_Component}|\u200D|\uFE0F|\u20E3)+$/u;
const CONTROL = /[\p{Cc}\u200B\u200E\u200F\u202A-\u202E\u2066-\u2069\uFEFF]/u;

/** Normalises and validates a hashtag a person typed or listed; the error names the bad input. */
export const parseHashtag = (input: unknown): HashtagResult => {
  if (typeof input !== "string") return { ok: false, error: `Hashtag must be text, got ${typeof input}` };
  const hashtag = normaliseHashtag(input);
  const bad = (why: string): HashtagResult => ({
    ok: false,
    error: `Invalid hashtag ${quote(input)}: ${why}`,
  });
  if (hashtag === "") return bad("it is empty");
  if (CONTROL.test(hashtag)) return bad("it contains control characters");
  if (/\s/u.test(hashtag)) return bad("it contains whitespace (one hashtag per entry)");
  if (hashtag.includes("..")) return bad("it contains '..'");
  if (/[/\\]/u.test(hashtag)) return bad("it contains a path separator");
  if ([...hashtag].length > MAX_HASHTAG_LENGTH)
    return bad(`it is longer than ${MAX_HASHTAG_LENGTH} characters`);
  if (utf8Length(hashtag) > MAX_HASHTAG_BYTES)
    return bad(
      `it takes ${utf8Length(hashtag)} bytes in UTF-8, more than the ${MAX_HASHTAG_BYTES} a file name can spare for it`,
    );
  if (!ALLOWED.test(hashtag)) {
    const offending = [...hashtag].find((char) => !ALLOWED.test(char)) ?? "";
    return bad(`${quote(offending)} cannot be part of a hashtag (letters, digits, '_' and emoji only)`);
  }
  return { ok: true, hashtag };
};

/** Like parseHashtag but throws, for call sites that already report errors by exception. */
export const requireHashtag = (input: unknown): string => {
  const result = parseHashtag(input);
  if (!result.ok) throw new Error(result.error);
  return result.hashtag;
};

/**
 * Reads a hashtag list file: tags separated by newlines or commas, '#' comment lines skipped
 * (as in the seed's hashtags file). Every bad entry is reported with its line number.
 */
export const parseHashtagList = (text: string): { hashtags: string[]; errors: string[] } => {
  const hashtags: string[] = [];
  const errors: string[] = [];
  text.split(/\r?\n/u).forEach((line, index) => {
    const trimmed = line.trim();
    // As in the seed's hashtag file, a line starting with '#' is a comment.
    if (trimmed === "" || trimmed.startsWith("#")) return;
    for (const entry of trimmed.split(",")) {
      if (entry.trim() === "") continue;
      const result = parseHashtag(entry);
      if (result.ok) {
        if (!hashtags.includes(result.hashtag)) hashtags.push(result.hashtag);
      } else errors.push(`line ${index + 1}: ${result.error}`);
    }
  });
  return { hashtags, errors };
};
