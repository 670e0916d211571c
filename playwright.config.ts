import { defineConfig } from "@playwright/test";
import {
  CLICKHOUSE_PORT,
  E2E_OIDC,
  EMBEDDED_PORT,
  EMPTY_PORT,
  OIDC_APP_PORT,
  OIDC_IDP_PORT,
  POSTGRES_PORT,
} from "./e2e/support/env";
import { disabledFeatureOptions } from "./e2e/support/chromium-features";

// Debian's Chromium (Playwright's own browser download cannot reach its CDN here), in its headless
// build — what Playwright itself runs headless — installed by scripts/ensure-test-deps.sh.
// CHROMIUM_PATH=/usr/bin/chromium runs the specs in Debian's full browser instead.
const features = disabledFeatureOptions();
const chromium = {
  executablePath: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium-headless-shell",
  args: [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    features.arg,
  ],
  ignoreDefaultArgs: features.ignoreDefaultArgs,
};

const server = (mode: string, port: number, ...options: string[]) => ({
  command: ["npx tsx scripts/e2e-server.ts", mode, port, ...options].join(" "),
  url: `http://127.0.0.1:${port}/signin`,
  timeout: 180_000,
  reuseExistingServer: false,
  stdout: "ignore" as const,
  stderr: "pipe" as const,
});

const PROJECTS = [
  {
    name: "postgres",
    testIgnore: /(embedded|analytics-copy|first-run|oidc)\.spec/,
    use: { baseURL: `http://127.0.0.1:${POSTGRES_PORT}` },
  },
  {
    name: "embedded",
    testMatch: /embedded\.spec/,
    use: { baseURL: `http://127.0.0.1:${EMBEDDED_PORT}` },
  },
  {
    // A team's first day, from an empty database: setup, key, first action, teammates.
    name: "first-run",
    testMatch: /first-run\.spec/,
    use: { baseURL: `http://127.0.0.1:${EMPTY_PORT}` },
  },
  {
    // The tab's specs again, answered by embedded ClickHouse on top of PostgreSQL.
    name: "clickhouse",
    // program-settings: a program's deletion reaches the copy through the server's own client.
    testMatch:
      /(actions-tab|action-properties|exports|partners|analytics-copy|tab-url-extremes|program-settings|conversion|rule-replay|breakdowns)\.spec/,
    // Keyboard, layout, accessibility, saved views and download permissions do not depend on the
    // engine (e2e/support/engines.ts): those run once, in the postgres project.
    grepInvert: /@one-engine/,
    use: { baseURL: `http://127.0.0.1:${CLICKHOUSE_PORT}` },
  },
  {
    // Single sign-on only (PASSWORD_SIGNIN=off), against the test identity provider.
    name: "oidc",
    testMatch: /oidc\.spec/,
    use: { baseURL: E2E_OIDC.appUrl },
  },
];

const identityProvider = {
  command: `npx tsx scripts/oidc-test-provider.ts ${OIDC_IDP_PORT} ${E2E_OIDC.appUrl}`,
  url: `${E2E_OIDC.issuer}/.well-known/openid-configuration`,
  timeout: 60_000,
  reuseExistingServer: false,
  stdout: "ignore" as const,
  stderr: "pipe" as const,
};

// E2E_PROJECTS=postgres,clickhouse runs those projects and starts only their servers (while
// working on a few specs); unset, everything runs.
const chosen = process.env.E2E_PROJECTS?.split(",").map((name) => name.trim());
const projects = PROJECTS.filter((project) => !chosen || chosen.includes(project.name));
const runs = (name: string) => projects.some((project) => project.name === name);

/**
 * The servers each project's specs talk to, started one after another in this order. The
 * clickhouse server starts from a copy of the demo the postgres server seeded, when that one runs.
 */
const bothSeeded = runs("postgres") && runs("clickhouse");
const SERVERS: Record<(typeof PROJECTS)[number]["name"], ReturnType<typeof server>[]> = {
  postgres: [server("postgres", POSTGRES_PORT, ...(bothSeeded ? ["--keep-seeded"] : []))],
  embedded: [server("pglite", EMBEDDED_PORT)],
  "first-run": [server("empty", EMPTY_PORT)],
  clickhouse: [server("clickhouse", CLICKHOUSE_PORT, ...(bothSeeded ? ["--copy-seeded"] : []))],
  oidc: [server("oidc", OIDC_APP_PORT), identityProvider],
};

export default defineConfig({
  testDir: "e2e",
  outputDir: "test-results",
  fullyParallel: true,
  workers: 2,
  retries: 0,
  // Generous limits for a loaded 2-core CI machine; no retries, so a flaky test fails loudly.
  timeout: 90_000,
  expect: { timeout: 15_000 },
  forbidOnly: true,
  reporter: [["list"]],
  use: {
    launchOptions: chromium,
    // No trace unless asked (E2E_TRACE=on, or =snapshots without the screencast): recording cost
    // a third of Chromium's CPU, and CI shows a failure's log only (BENCHMARKS.md, "Test loop").
    trace:
      process.env.E2E_TRACE === "on"
        ? "retain-on-failure"
        : process.env.E2E_TRACE === "snapshots"
          ? { mode: "retain-on-failure", screenshots: false, snapshots: true, sources: false }
          : "off",
    screenshot: "only-on-failure",
  },
  projects,
  webServer: projects.flatMap((project) => SERVERS[project.name]),
});
