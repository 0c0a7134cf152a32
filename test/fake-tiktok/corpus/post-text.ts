import { normaliseHashtag } from "../../../shared/hashtag/hashtag.ts";
import type { ChallengeStruct, TextExtraStruct } from "../item-struct.ts";
import { challengeId } from "./ids.ts";

export interface Mention {
  uniqueId: string;
  userId: string;
  secUid: string;
}

export interface PostText {
  desc: string;
  textExtra: TextExtraStruct[];
}

const idsByDisplayName = new Map<string, string>();
/** The challenge id behind a hashtag as written ("#Travel" is #travel). */
const hashtagIdOf = (displayName: string): string => {
  let id = idsByDisplayName.get(displayName);
  if (id === undefined) {
    id = challengeId(normaliseHashtag(displayName));
    idsByDisplayName.set(displayName, id);
  }
  return id;
};

/**
 * A caption as TikTok stores it: the words, then the hashtags and mentions, each with a textExtra entry
 * pointing at its characters in desc.
 */
export const composeText = (sentence: string, hashtags: readonly string[], mentions: readonly Mention[]) => {
  let desc = sentence;
  const textExtra: TextExtraStruct[] = [];
  const append = (token: string): { start: number; end: number } => {
    if (desc !== "") desc += " ";
    const start = desc.length;
    desc += token;
    return { start, end: desc.length };
  };
  for (const name of hashtags) {
    const { start, end } = append(`#${name}`);
    textExtra.push({
      awemeId: "",
      start,
      end,
      hashtagId: hashtagIdOf(name),
      hashtagName: name,
      isCommerce: false,
      subType: 0,
      type: 1,
    });
  }
  for (const mention of mentions) {
    const { start, end } = append(`@${mention.uniqueId}`);
    textExtra.push({
      awemeId: "",
      start,
      end,
      hashtagName: "",
      isCommerce: false,
      secUid: mention.secUid,
      subType: 0,
      type: 0,
      userId: mention.userId,
      userUniqueId: mention.uniqueId,
    });
  }
  return { desc, textExtra } satisfies PostText;
};

/** The challenges entry TikTok attaches to a post for each of its hashtags. */
export const challengeStruct = (name: string): ChallengeStruct => ({
  id: challengeId(name),
  title: name,
  desc: "",
  profileLarger: "",
  profileMedium: "",
  profileThumb: "",
  coverLarger: "",
  coverMedium: "",
  coverThumb: "",
  isCommerce: false,
});

/**
 * Tags a post with one more hashtag, where TikTok would show it: the caption, its textExtra and its
 * challenges (whichever of the two lists the post has).
 */
export const appendHashtag = (
  post: { desc: string; textExtra?: TextExtraStruct[]; challenges?: ChallengeStruct[] },
  name: string,
): void => {
  const start = post.desc === "" ? 0 : post.desc.length + 1;
  post.desc = post.desc === "" ? `#${name}` : `${post.desc} #${name}`;
  post.textExtra?.push({
    awemeId: "",
    start,
    end: post.desc.length,
    hashtagId: hashtagIdOf(name),
    hashtagName: name,
    isCommerce: false,
    subType: 0,
    type: 1,
  });
  post.challenges?.push(challengeStruct(name));
};
