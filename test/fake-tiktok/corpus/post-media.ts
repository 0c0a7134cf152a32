import { coverUrl, galleryImageUrl, musicUrl, videoUrl } from "../hosts.ts";
import type { ImagePostStruct, ImageStruct, MusicStruct, VideoStruct } from "../item-struct.ts";
import { mixSeed, Random } from "./seeded-random.ts";
import { SONG_TITLES } from "./vocabulary.ts";
import { ZipfSampler } from "./zipf.ts";

const SONG_POOL_SIZE = 200;
const SONG_STREAM = 0x5096;
const songSampler = new ZipfSampler(
  Array.from({ length: SONG_POOL_SIZE }, (_, index) => index),
  1.1,
);

export const videoStruct = (postId: string, random: Random): VideoStruct => {
  const definition = random.pick(["540p", "720p", "1080p"]);
  return {
    id: postId,
    height: 1024,
    width: 576,
    // Mostly short clips, a few long ones.
    duration: random.chance(0.85) ? random.int(5, 60) : random.int(61, 600),
    ratio: definition,
    cover: coverUrl(postId, "cover"),
    originCover: coverUrl(postId, "origin"),
    dynamicCover: coverUrl(postId, "dynamic"),
    playAddr: videoUrl(postId, "play"),
    downloadAddr: videoUrl(postId, "download"),
    shareCover: [""],
    reflowCover: coverUrl(postId, "cover"),
    bitrate: random.int(300_000, 2_500_000),
    encodedType: "normal",
    format: "mp4",
    videoQuality: "normal",
    encodeUserTag: "",
    codecType: random.chance(0.7) ? "h264" : "h265",
    definition,
  };
};

const image = (url: string): ImageStruct => ({
  imageURL: { urlList: [url] },
  imageWidth: 1080,
  imageHeight: 1440,
});

/** A photo-mode post: images and music, and a video object without a file. */
export const galleryStructs = (postId: string, random: Random, duration: number) => {
  const count = random.int(2, 12);
  const images = Array.from({ length: count }, (_, index) => image(galleryImageUrl(postId, index)));
  const first = galleryImageUrl(postId, 0);
  const imagePost: ImagePostStruct = { images, cover: image(first), shareCover: image(first), title: "" };
  const video: VideoStruct = {
    ...videoStruct(postId, random),
    id: "",
    duration,
    cover: first,
    originCover: first,
    dynamicCover: "",
    playAddr: "",
    downloadAddr: "",
    reflowCover: first,
    bitrate: 0,
    definition: "",
    ratio: "",
  };
  return { imagePost, video };
};

const song = (seed: number, index: number): MusicStruct => {
  const random = new Random(mixSeed(seed, SONG_STREAM, index));
  const id = `7${random.digits(18)}`;
  const title = SONG_TITLES[index % SONG_TITLES.length] ?? "untitled";
  return {
    id,
    title: index < SONG_TITLES.length ? title : `${title} (sped up ${index})`,
    playUrl: musicUrl(id),
    coverLarge: coverUrl(id, "cover"),
    coverMedium: coverUrl(id, "cover"),
    coverThumb: coverUrl(id, "cover"),
    authorName: random.pick(["Sabrina Carpenter", "Rema", "YOASOBI", "Bad Bunny", "Tyla", "Cheb Khaled"]),
    original: false,
    duration: random.int(15, 60),
    album: random.chance(0.5) ? "" : `${title} - Single`,
  };
};

/** An original sound by the poster, or a popular song most posts share. */
export const musicStruct = (seed: number, random: Random, posterName: string): MusicStruct => {
  if (!random.chance(0.35)) return song(seed, songSampler.sample(random));
  const id = `7${random.digits(18)}`;
  return {
    id,
    title: `original sound - ${posterName}`,
    playUrl: musicUrl(id),
    coverLarge: "",
    coverMedium: "",
    coverThumb: "",
    authorName: posterName,
    original: true,
    duration: random.int(5, 60),
    album: "",
  };
};
