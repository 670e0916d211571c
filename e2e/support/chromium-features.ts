import { readFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";

/**
 * Features our Chromium runs without, beyond Playwright's own. Chromium 156 preloads its omnibox
 * popup as a WebUI renderer in every new window, i.e. in every test's context: a quarter of the
 * renderers' CPU in our specs (BENCHMARKS.md, "The test loop").
 */
const OURS = ["WebUIOmniboxPopup", "WebUIOmniboxAimPopup"];

/**
 * Playwright's own `--disable-features` list (its chromiumSwitches). Chromium reads only the last
 * `--disable-features`, so ours must repeat Playwright's, and Playwright's is left out of the
 * launch (ignoreDefaultArgs) — read from the installed playwright-core, so an upgrade that changes
 * it cannot be silently undone here.
 */
function playwrightDisabledFeatures(): string[] {
  const root = path.dirname(fileURLToPath(import.meta.resolve("playwright-core/package.json")));
  const bundle = readFileSync(path.join(root, "lib/coreBundle.js"), "utf8");
  const block = /disabledFeatures = \[([\s\S]*?)\]\.filter\(Boolean\)/.exec(bundle)?.[1];
  if (!block) {
    throw new Error(
      "playwright-core no longer has its disabledFeatures list where e2e/support/chromium-features.ts reads it: update that file",
    );
  }
  return [...block.replace(/\/\/.*$/gm, "").matchAll(/"([^"]+)"/g)].map((m) => m[1]);
}

/** Launch options: Playwright's disabled features and ours in one switch. */
export function disabledFeatureOptions() {
  const playwright = playwrightDisabledFeatures();
  return {
    ignoreDefaultArgs: [`--disable-features=${playwright.join(",")}`],
    arg: `--disable-features=${[...playwright, ...OURS].join(",")}`,
  };
}
