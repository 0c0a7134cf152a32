import { startBackground } from "./common/background/start-background.ts";

export default defineBackground(() => {
  startBackground();
});
