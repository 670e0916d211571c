// `npm run test:built`: the tests that start the built server (`*.built.test.ts`: signals,
// graceful shutdown, request logs), run after `npm run build` (npm test runs them after its build
// step). Same setup as vitest.config.mts otherwise.
import { configDefaults, defineConfig } from "vitest/config";
import base from "./vitest.config.mts";

export default defineConfig({
  ...base,
  test: {
    ...base.test,
    include: ["lib/**/*.built.test.ts", "scripts/**/*.built.test.ts"],
    exclude: configDefaults.exclude,
  },
});
