/**
 * The web ItemStruct the fake serves: the shape of one post in TikTok's /api/challenge/item_list/ responses,
 * in __UNIVERSAL_DATA_FOR_REHYDRATION__ and in Zeeschuimer captures. Optional fields are the ones the real
 * site sometimes leaves out, so clients meet those gaps in tests.
 */

export interface TextExtraStruct {
  awemeId: string;
  start: number;
  end: number;
  hashtagId?: string;
  hashtagName: string;
  isCommerce: boolean;
  subType: number;
  /** 1 = hashtag, 0 = user mention. */
  type: 0 | 1;
  userId?: string;
  userUniqueId?: string;
  secUid?: string;
}

export interface ChallengeStruct {
  id: string;
  title: string;
  desc: string;
  profileLarger: string;
  profileMedium: string;
  profileThumb: string;
  coverLarger: string;
  coverMedium: string;
  coverThumb: string;
  isCommerce: boolean;
}

export interface AuthorStruct {
  id: string;
  uniqueId: string;
  nickname: string;
  avatarThumb: string;
  avatarMedium: string;
  avatarLarger: string;
  signature: string;
  verified: boolean;
  secUid: string;
  secret: boolean;
  ftc: boolean;
  relation: number;
  openFavorite: boolean;
  commentSetting: number;
  duetSetting: number;
  stitchSetting: number;
  privateAccount: boolean;
  downloadSetting: number;
}

export interface AuthorStatsStruct {
  followerCount: number;
  followingCount: number;
  heart: number;
  heartCount: number;
  videoCount: number;
  diggCount: number;
  friendCount: number;
}

export interface StatsStruct {
  diggCount: number;
  shareCount: number;
  commentCount: number;
  playCount: number;
  collectCount: number;
}

/** statsV2 carries the same counts as decimal strings. */
export type StatsV2Struct = Record<keyof StatsStruct | "repostCount", string>;

export interface VideoStruct {
  id: string;
  height: number;
  width: number;
  duration: number;
  ratio: string;
  cover: string;
  originCover: string;
  dynamicCover: string;
  /** Empty for an image gallery, which has no video file. */
  playAddr: string;
  downloadAddr: string;
  shareCover: string[];
  reflowCover: string;
  bitrate: number;
  encodedType: string;
  format: string;
  videoQuality: string;
  encodeUserTag: string;
  codecType: string;
  definition: string;
}

export interface MusicStruct {
  id: string;
  title: string;
  playUrl: string;
  coverLarge: string;
  coverMedium: string;
  coverThumb: string;
  authorName: string;
  original: boolean;
  duration: number;
  album: string;
}

export interface ImageStruct {
  imageURL: { urlList: string[] };
  imageWidth: number;
  imageHeight: number;
}

export interface ImagePostStruct {
  images: ImageStruct[];
  cover: ImageStruct;
  shareCover: ImageStruct;
  title: string;
}

export interface ItemStruct {
  id: string;
  desc: string;
  /** Epoch seconds; a numeric string on some posts, as some endpoints send it. */
  createTime: number | string;
  scheduleTime: number;
  video: VideoStruct;
  author: AuthorStruct;
  music: MusicStruct | null;
  challenges?: ChallengeStruct[];
  /** Some posts carry only part of the counts here; statsV2 always has them all. */
  stats: Partial<StatsStruct>;
  statsV2: StatsV2Struct;
  authorStats: AuthorStatsStruct;
  authorStatsV2: Record<keyof AuthorStatsStruct, string>;
  textExtra?: TextExtraStruct[];
  imagePost?: ImagePostStruct;
  isAd: boolean;
  adAuthorization?: boolean;
  adLabelVersion?: number;
  duetEnabled: boolean;
  stitchEnabled: boolean;
  shareEnabled: boolean;
  isActivityItem: boolean;
  locationCreated?: string;
  diversificationId?: number;
  digged: boolean;
  collected: boolean;
  itemCommentStatus: number;
  privateItem: boolean;
  secret: boolean;
  forFriend: boolean;
  officalItem: boolean;
  originalItem: boolean;
  duetDisplay: number;
  stitchDisplay: number;
  AIGCDescription: string;
}
