import type { CompanionExtensionFactory } from "../server/companion-extensions.ts";
import { defaultJobTools } from "./default-job-tools.ts";
import { createJobEngine } from "./job-engine.ts";

/** The job engine as a part of `start`: its routes behind the token, its runner and schedule while it runs. */
export const jobEngineExtension: CompanionExtensionFactory = ({ store, proxy }) => {
  const tools = defaultJobTools({ browserPath: process.env.PUPPETEER_EXECUTABLE_PATH || null, proxy });
  const engine = createJobEngine({ store, tools });
  return {
    routers: engine.routers,
    start: () => engine.start(),
    stop: async () => {
      await engine.stop();
      await tools.dispatcher.close();
    },
  };
};
