// The tab-URL fuzzer over HTTP: timeframes at the ends of the calendar (years 1–1899, 9990–99999,
// every phrasing) with every timescale, against the running server's pages and downloads. Each
// request has a deadline and the server a memory ceiling: a request that never finishes (a loop over
// time that never ends) or a server that balloons fails the spec like a 5xx does. A URL that once
// hung the server for everyone is among the fixed cases.
import { expect, test } from "@playwright/test";
import fc from "fast-check";
import { extremeTimeframe, timescale } from "../lib/testing/fuzz-timeframes";
import { serverRss } from "./support/server-memory";
import { seedTabMember } from "./support/seed";
import { signIn } from "./support/sign-in";

const RUNS = Number(process.env.E2E_FUZZ_RUNS ?? 90);
const SEED = Number(process.env.FC_SEED ?? 20261205);
const DEADLINE_MS = 20_000;
/** What the server may grow by over the run: one bad URL once took it from 640 MB to 1.4 GB. */
const MEMORY_HEADROOM = 400 * 1024 * 1024;

const TARGETS = [
  "actions",
  "actions/occurrences",
  "actions/export/chart.csv",
  "actions/export/chart.pdf",
  "actions/export/tab.pdf",
  "actions/export/tab.zip",
  "actions/export/table.csv",
  "partners",
] as const;

const FIXED: string[] = [
  "actions?timeframe=on_9999-12-31",
  "actions?timeframe=range_9999-12-01_9999-12-31&timescale=week",
  "actions?timeframe=range_9999-01-01_9999-12-31&timescale=month",
  "actions?timeframe=range_8600-01-01_9999-12-31",
  "actions/export/chart.csv?timeframe=on_9999-12-31",
  "actions/export/tab.pdf?timeframe=range_9999-12-01_9999-12-31&timescale=week",
  "actions/export/tab.zip?timeframe=range_8600-01-01_9999-12-31&timescale=year",
];

const generated = fc
  .tuple(fc.constantFrom(...TARGETS), extremeTimeframe, timescale)
  .map(([target, timeframe, scale]) => `${target}?timeframe=${timeframe}&timescale=${scale}`);

test("tab URLs with extreme dates answer in time, within memory, and never with a 5xx", async ({
  page,
  baseURL,
}) => {
  test.setTimeout(60_000 + (RUNS + FIXED.length) * 3_000);
  const port = new URL(baseURL!).port;
  const f = await seedTabMember();
  await signIn(page, f.user.email, f.user.password);
  const urls = [...FIXED, ...fc.sample(generated, { seed: SEED, numRuns: RUNS })];

  const baseline = serverRss(port);
  let peak = baseline;
  const failures: string[] = [];
  for (const url of urls) {
    const path = `/p/${f.program.slug}/${url}`;
    let response;
    try {
      response = await page.request.get(path, { timeout: DEADLINE_MS, maxRedirects: 0 });
      const body = await response.text();
      // A tile that failed on the server leaves an error digest in the page's stream.
      if (/"digest":"\d+"/.test(body)) failures.push(`${path}: a tile failed on the server`);
    } catch (error) {
      failures.push(
        `${path}: no answer within ${DEADLINE_MS} ms (${String(error).split("\n")[0]})`,
      );
      break; // a hung server answers nothing more; the first URL is the finding
    }
    if (response.status() >= 500) failures.push(`${path}: ${response.status()}`);
    const rss = serverRss(port);
    peak = Math.max(peak, rss);
    if (rss > baseline + MEMORY_HEADROOM) {
      failures.push(`${path}: server memory ${Math.round(rss / 2 ** 20)} MB`);
      break;
    }
  }
  test.info().annotations.push({
    type: "memory",
    description: `${urls.length} URLs; server RSS ${Math.round(baseline / 2 ** 20)} → peak ${Math.round(peak / 2 ** 20)} MB`,
  });
  expect(failures).toEqual([]);
});
