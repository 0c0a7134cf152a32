export default defineBackground(() => {
  // Wiring only; features live in their own modules as they land.
});
