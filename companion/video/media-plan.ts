import { isGallery, type Post } from "../../shared/post/post.ts";
import { postIdProblem } from "../../shared/post/post-id.ts";

export interface MediaFile {
  kind: "video" | "image" | "audio";
  /** File name inside the hashtag's videos folder. */
  fileName: string;
  /** Where to fetch it, best first. */
  urls: string[];
}

const present = (...urls: (string | null)[]): string[] => urls.filter((url): url is string => !!url);

/**
 * The files that hold a post's media, named like the seed: <id>.mp4 for a video; for an image gallery
 * <id>_00.jpg, <id>_01.jpg... plus the sound as <id>.mp3.
 */
export const mediaPlan = (post: Post): MediaFile[] => {
  // File names are made from the id, so only a real id may make one (a refreshed post included).
  const idProblem = postIdProblem(post.id);
  if (idProblem !== null) throw new Error(`Refusing to name media files after post ${idProblem}`);
  if (!isGallery(post))
    return [
      {
        kind: "video",
        fileName: `${post.id}.mp4`,
        urls: present(post.video.downloadAddr, post.video.playAddr),
      },
    ];
  const images: MediaFile[] = post.images.map((url, index) => ({
    kind: "image",
    fileName: `${post.id}_${String(index).padStart(2, "0")}.jpg`,
    urls: [url],
  }));
  const audio = present(post.music.playUrl);
  return audio.length > 0 ? [...images, { kind: "audio", fileName: `${post.id}.mp3`, urls: audio }] : images;
};
