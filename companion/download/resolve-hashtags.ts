import { parseHashtag } from "../../shared/hashtag/hashtag.ts";
import { UserError } from "../cli/user-error.ts";

export interface HashtagInputs {
  /** Positional arguments. */
  args: readonly string[];
  /** -t/--tags values. */
  tags: readonly string[];
  /** Hashtags read from the -f/--file list (already validated by readHashtagFile). */
  fromFile: readonly string[];
}

/**
 * Every hashtag asked for, normalised and de-duplicated, in the order given. Any bad entry stops the command
 * before anything is collected, with one line naming each problem.
 */
export const resolveHashtags = ({ args, tags, fromFile }: HashtagInputs): string[] => {
  const hashtags: string[] = [];
  const problems: string[] = [];
  for (const entry of [...args, ...tags]) {
    const result = parseHashtag(entry);
    if (result.ok) hashtags.push(result.hashtag);
    else problems.push(result.error);
  }
  if (problems.length > 0) throw new UserError(problems.join("; "));
  const unique = [...new Set([...hashtags, ...fromFile])];
  if (unique.length === 0)
    throw new UserError("No hashtags given: name them as arguments, after -t, or in a file with -f");
  return unique;
};
