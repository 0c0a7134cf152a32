import { readFile } from "node:fs/promises";
import { parseHashtag } from "../../shared/hashtag/hashtag.ts";
import { parseJson } from "../../shared/json/parse-json.ts";
import { isObject } from "../../shared/post/coerce.ts";
import { readPostId } from "../../shared/post/post-id.ts";
import { UserError } from "../cli/user-error.ts";

/**
 * The seed's ids/post_ids.json and ids/video_ids.json: {hashtag: [post id, ...]}. The ids name video files, so
 * one that is not a post id makes the whole file invalid rather than being skipped.
 */
export const readSeedIds = async (file: string): Promise<Map<string, string[]>> => {
  let value: unknown;
  try {
    value = parseJson(await readFile(file, "utf8"));
  } catch (error) {
    throw new UserError(`${file} is not valid JSON: ${(error as Error).message.replace(/\s+/gu, " ")}`);
  }
  if (!isObject(value)) throw new UserError(`${file} should map hashtags to lists of post ids`);
  const ids = new Map<string, string[]>();
  for (const [name, list] of Object.entries(value)) {
    const hashtag = parseHashtag(name);
    if (!hashtag.ok) throw new UserError(`${file}: ${hashtag.error}`);
    if (!Array.isArray(list)) throw new UserError(`${file}: the ids of "${name}" are not a list`);
    ids.set(
      hashtag.hashtag,
      list.map((entry, index) => {
        const id = readPostId(entry);
        if (!id.ok) throw new UserError(`${file}: id ${index + 1} of "${name}" is refused: ${id.reason}`);
        return id.id;
      }),
    );
  }
  return ids;
};
