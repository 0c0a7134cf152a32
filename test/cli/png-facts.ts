import { createCanvas, loadImage } from "canvas";

const PNG_SIGNATURE = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);

const hex = (r: number, g: number, b: number): string =>
  `#${[r, g, b].map((value) => value.toString(16).padStart(2, "0")).join("")}`;

/** What a test can check about a PNG without looking at it: signature, size, and how its colours spread. */
export const pngFacts = async (png: Buffer) => {
  const image = await loadImage(png);
  const canvas = createCanvas(image.width, image.height);
  const context = canvas.getContext("2d");
  context.drawImage(image, 0, 0);
  const { data } = context.getImageData(0, 0, image.width, image.height);
  const counts = new Map<string, number>();
  for (let i = 0; i < data.length; i += 4) {
    const colour = hex(data[i] ?? 0, data[i + 1] ?? 0, data[i + 2] ?? 0);
    counts.set(colour, (counts.get(colour) ?? 0) + 1);
  }
  const pixels = image.width * image.height;
  return {
    signature: png.subarray(0, 8).equals(PNG_SIGNATURE),
    width: image.width,
    height: image.height,
    distinctColours: counts.size,
    /** The fraction of pixels of exactly this colour. */
    share: (colour: string): number => (counts.get(colour.toLowerCase()) ?? 0) / pixels,
  };
};
