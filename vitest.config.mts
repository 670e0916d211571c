import { availableParallelism } from "node:os";
import path from "node:path";
import { configDefaults, defineConfig } from "vitest/config";
import LongestFirst from "./lib/testing/longest-first.ts";

export default defineConfig({
  resolve: {
    alias: {
      "@": path.resolve(import.meta.dirname),
      // `server-only` throws outside React Server Components; tests run server code directly.
      "server-only": path.resolve(import.meta.dirname, "lib/testing/server-only-stub.ts"),
    },
  },
  test: {
    environment: "node",
    include: ["lib/**/*.test.ts", "app/**/*.test.ts", "scripts/**/*.test.ts"],
    // Tests of the built server (`npm run test:built`, after `npm run build`).
    exclude: [...configDefaults.exclude, "**/*.built.test.ts"],
    globalSetup: ["lib/testing/global-setup.ts"],
    setupFiles: ["lib/testing/request-stand-ins.ts"],
    pool: "forks",
    // Vitest's default is one worker fewer than the cores: a single worker on a 2-core machine,
    // where much of a database test's time is spent waiting on PostgreSQL. Files are independent
    // (each test has its own database, chdb a folder per process, servers listen on port 0).
    maxWorkers: Math.max(2, availableParallelism()),
    // A worker runs its files one after another in one process, keeping the modules it loaded
    // (Prisma, PGlite, Next): a third less time than a fresh process per file. What a file could
    // leave behind is undone between files: the setup file puts process.env back; each test
    // opens its own database.
    isolate: false,
    sequence: { sequencer: LongestFirst },
    testTimeout: 60_000,
    hookTimeout: 120_000,
  },
});
