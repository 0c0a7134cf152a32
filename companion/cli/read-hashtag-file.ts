import { readFileSync } from "node:fs";
import { parseHashtagList } from "../../shared/hashtag/hashtag.ts";
import { UserError } from "./user-error.ts";

/** A hashtag list file (as the seed's --file): every junk line is an error naming its line number. */
export const readHashtagFile = (file: string): string[] => {
  let text: string;
  try {
    text = readFileSync(file, "utf8");
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    throw new UserError(
      code === "ENOENT" ? `Hashtag file ${file} does not exist` : `Cannot read hashtag file ${file}: ${code}`,
    );
  }
  const { hashtags, errors } = parseHashtagList(text);
  if (errors.length > 0) {
    const more = errors.length > 1 ? ` (and ${errors.length - 1} more bad lines)` : "";
    throw new UserError(`${file} ${errors[0]}${more}`);
  }
  if (hashtags.length === 0) throw new UserError(`Hashtag file ${file} lists no hashtags`);
  return hashtags;
};
