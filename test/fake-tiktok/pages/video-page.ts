import type { ItemStruct } from "../item-struct.ts";
import { STATUS_CODE } from "../markers.ts";
import { appContext, escapeHtml, htmlDocument, rehydrationScript } from "./html.ts";

const media = (item: ItemStruct): string =>
  item.imagePost
    ? item.imagePost.images
        .map((image) => `<img src="${escapeHtml(image.imageURL.urlList[0] ?? "")}" alt="">`)
        .join("")
    : `<video src="${escapeHtml(item.video.playAddr)}" poster="${escapeHtml(item.video.cover)}" controls preload="none"></video>`;

/** www.tiktok.com/@<user>/video/<id>: webapp.video-detail, or its not-found statusCode. */
export const videoPageHtml = (item: ItemStruct | undefined): string => {
  if (!item) {
    const data = rehydrationScript({
      ...appContext(),
      "webapp.video-detail": { statusCode: STATUS_CODE.itemNotFound, statusMsg: "" },
    });
    return htmlDocument(
      "Video currently unavailable | TikTok",
      "",
      `<main><h1>Video currently unavailable</h1></main>${data}`,
    );
  }
  const name = item.author.nickname || item.author.uniqueId;
  const shareMeta = { title: `${name} on TikTok`, desc: item.desc };
  const data = rehydrationScript({
    ...appContext(),
    "webapp.video-detail": {
      itemInfo: { itemStruct: item },
      shareMeta,
      statusCode: STATUS_CODE.ok,
      statusMsg: "",
    },
  });
  const body = `<main data-e2e="video-detail"><h1 data-e2e="browse-video-desc">${escapeHtml(item.desc)}</h1>${media(item)}</main>${data}`;
  return htmlDocument(`${item.desc.slice(0, 60) || name} | TikTok`, "", body);
};
