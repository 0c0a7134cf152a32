export default defineContentScript({
  matches: ["https://www.tiktok.com/*"],
  main() {
    // Passive capture is wired here when it lands.
  },
});
