import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    include: ["{shared,companion,entrypoints,test}/**/*.test.{ts,tsx}"],
    // Real-browser and native-build tests are slow on a 2-core CI machine.
    testTimeout: 60_000,
    hookTimeout: 120_000,
  },
});
