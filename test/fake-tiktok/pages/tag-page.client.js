// The tag page's loader, modelled on tiktok.com: it reads the challenge from the rehydration data, then
// fetches /api/challenge/item_list/ pages whenever the reader nears the bottom, appending one tile per post,
// until hasMore is false. A failed page (rate limit, captcha, broken JSON) stops loading until the reader
// scrolls again or presses Retry. Markers match test/fake-tiktok/markers.ts.
(() => {
  const dataScript = document.getElementById("__UNIVERSAL_DATA_FOR_REHYDRATION__");
  const detail = JSON.parse(dataScript?.textContent ?? "{}").__DEFAULT_SCOPE__?.["webapp.challenge-detail"];
  const list = document.querySelector('[data-e2e="challenge-item-list"]');
  const status = document.querySelector('[data-e2e="challenge-list-status"]');
  if (detail?.statusCode !== 0 || !list || !status) return;

  const challengeId = detail.challengeInfo.challenge.id;
  const COUNT = 30;
  const NEAR_BOTTOM_PX = 800;
  const EMPTY_PAGE_RETRY_MS = 500;
  let cursor = "0";
  let hasMore = true;
  let loading = false;

  const setStatus = (state, text) => {
    status.dataset.state = state;
    status.textContent = text;
  };

  const tile = (item) => {
    const element = document.createElement("div");
    element.dataset.e2e = "challenge-item";
    const link = document.createElement("a");
    link.href = `https://www.tiktok.com/@${item.author?.uniqueId ?? ""}/video/${item.id}`;
    const cover = document.createElement("img");
    cover.loading = "lazy";
    cover.alt = item.desc ?? "";
    cover.src = item.video?.cover ?? "";
    link.append(cover);
    const desc = document.createElement("div");
    desc.dataset.e2e = "challenge-item-desc";
    desc.textContent = item.desc ?? "";
    element.append(link, desc);
    return element;
  };

  const showCaptcha = () => {
    if (document.getElementById("captcha-verify-container-main-page")) return;
    const modal = document.createElement("div");
    modal.className = "TUXModal captcha-verify-container";
    modal.setAttribute("role", "dialog");
    const puzzle = document.createElement("div");
    puzzle.id = "captcha-verify-container-main-page";
    puzzle.setAttribute("role", "main");
    puzzle.textContent = "Drag the slider to fit the puzzle";
    modal.append(puzzle);
    document.body.append(modal);
  };

  const showError = (message) => {
    setStatus("error", `${message} `);
    const retry = document.createElement("button");
    retry.type = "button";
    retry.dataset.e2e = "challenge-list-retry";
    retry.textContent = "Retry";
    retry.addEventListener("click", () => load());
    status.append(retry);
  };

  const nearBottom = () =>
    window.innerHeight + window.scrollY >= document.documentElement.scrollHeight - NEAR_BOTTOM_PX;

  const fetchPage = async () => {
    const query = new URLSearchParams({
      aid: "1988",
      app_language: "en",
      app_name: "tiktok_web",
      challengeID: challengeId,
      count: String(COUNT),
      cursor,
      device_platform: "web_pc",
      from_page: "hashtag",
      region: "US",
    });
    const response = await fetch(`/api/challenge/item_list/?${query}`, { credentials: "include" });
    if (response.status === 429) throw new Error("Too many requests. Please try again later.");
    if (!response.ok) throw new Error(`Something went wrong (HTTP ${response.status}).`);
    const body = await response.json();
    if (body.type === "verify") {
      showCaptcha();
      throw new Error("Verify to continue.");
    }
    if (body.statusCode !== 0) throw new Error(`Something went wrong (statusCode ${body.statusCode}).`);
    return body;
  };

  const load = async () => {
    if (loading || !hasMore) return;
    loading = true;
    setStatus("loading", "Loading…");
    let body;
    try {
      body = await fetchPage();
    } catch (error) {
      loading = false;
      showError(error instanceof SyntaxError ? "Something went wrong." : error.message);
      return;
    }
    const items = body.itemList ?? [];
    for (const item of items) list.append(tile(item));
    hasMore = body.hasMore === true;
    cursor = String(body.cursor ?? cursor);
    loading = false;
    if (!hasMore) {
      setStatus("end", "No more videos");
      return;
    }
    setStatus("idle", "");
    // An empty page that still has more is retried shortly; otherwise the next page waits for scrolling.
    setTimeout(maybeLoad, items.length === 0 ? EMPTY_PAGE_RETRY_MS : 0);
  };

  const maybeLoad = () => {
    if (nearBottom()) load();
  };

  window.addEventListener("scroll", maybeLoad, { passive: true });
  window.addEventListener("wheel", maybeLoad, { passive: true });
  window.addEventListener("resize", maybeLoad);
  load();
})();
