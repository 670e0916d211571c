import { readFile } from "node:fs/promises";
import { expect, test, type Browser, type Download, type Page } from "@playwright/test";
import Papa from "papaparse";
import { seriousAxeViolations } from "./support/axe";
import { seedTabMember } from "./support/seed";
import { signIn } from "./support/sign-in";

const TABLE = "Actions by partner, type and value";
const TOTALS_LABEL = "Total (all rows — not a partner)";

async function openTab(page: Page) {
  const f = await seedTabMember();
  await signIn(page, f.user.email, f.user.password);
  await page.goto(`/p/${f.program.slug}/actions?timeframe=any_time`);
  const table = page.getByRole("region", { name: TABLE });
  return {
    f,
    table,
    tableMenu: table.getByLabel(`Download ${TABLE}`),
    link: (name: string) => table.getByRole("link", { name, exact: true }),
  };
}

async function csvRows(download: Download) {
  const text = (await readFile(await download.path())).toString("utf8").replace(/^\uFEFF/, "");
  return Papa.parse<string[]>(text, { skipEmptyLines: true }).data;
}

/** The `dl` token the client put on the followed URL (the shared link has none). */
const tokenOf = (download: Download) => new URL(download.url()).searchParams.get("dl");

test("“CSV with totals” from the table's ⋮ menu ends with the totals row, and the menu closes", async ({
  page,
}) => {
  const { f, table, tableMenu, link } = await openTab(page);
  await tableMenu.click();
  await expect(link("CSV with totals")).toBeVisible();
  await page.screenshot({ path: "artifacts/screenshots/download-menu-open.png" });

  const [download] = await Promise.all([
    page.waitForEvent("download"),
    link("CSV with totals").click(),
  ]);
  expect(new URL(download.url()).pathname).toMatch(/\/export\/table-with-totals\.csv$/);
  expect(tokenOf(download)).toMatch(/^[A-Za-z0-9]{8,32}$/);
  const rows = await csvRows(download);
  const last = rows[rows.length - 1];
  expect([last[0], last[5]]).toEqual([
    TOTALS_LABEL,
    String(f.actions.filter((a) => !a.archived).length),
  ]);
  expect(rows.slice(0, -1).filter((row) => row[0].startsWith("Total"))).toEqual([]);

  // Closed, focus back on ⋮, and the link is the shareable URL again (no token).
  await expect(link("CSV with totals")).toBeHidden();
  await expect(tableMenu).toBeFocused();
  await expect(
    table.getByRole("link", { name: "CSV with totals", exact: true, includeHidden: true }),
  ).toHaveAttribute(
    "href",
    `/p/${f.program.slug}/actions/export/table-with-totals.csv?timeframe=any_time`,
  );
});

test("a table download lists rows in the order the screen shows them", async ({ page }) => {
  const f = await seedTabMember();
  await signIn(page, f.user.email, f.user.password);
  await page.goto(`/p/${f.program.slug}/actions?timeframe=any_time&sort=rewards&dir=asc`);
  const table = page.getByRole("region", { name: TABLE });
  const screenRows = table.locator("tbody tr").filter({ has: page.locator("td:nth-child(5)") });
  await expect(screenRows.first()).toBeVisible();
  // Name, email, type and value of each row on the screen's first page, top to bottom.
  const screen = await screenRows.evaluateAll((rows) =>
    rows
      .map((row) => Array.from(row.querySelectorAll("td"), (td) => td.textContent?.trim() ?? ""))
      .filter((cells) => cells.length >= 6)
      .map((cells) => cells.slice(0, 4).join("|")),
  );
  expect(screen.length).toBeGreaterThan(3);

  await table.getByLabel(`Download ${TABLE}`).click();
  const [download] = await Promise.all([
    page.waitForEvent("download"),
    table.getByRole("link", { name: "CSV", exact: true }).click(),
  ]);
  expect(new URL(download.url()).searchParams.get("sort")).toBe("rewards");
  const file = (await csvRows(download)).slice(1);
  const fromFile = file.slice(0, screen.length).map((r) => [r[0], r[1], r[3], r[4]].join("|"));
  expect(fromFile).toEqual(screen);
});

/**
 * Holds the next request matching `urlPattern` at the browser until released: `page.route` does not
 * see the requests of `<a download>` links (the browser's download manager makes them), the
 * browser's Fetch domain does — one paused download per session, so one session per request.
 */
async function holdRequest(browser: Browser, urlPattern: string) {
  const cdp = await browser.newBrowserCDPSession();
  let requestId: string | undefined;
  cdp.on("Fetch.requestPaused", (event) => (requestId ??= event.requestId));
  await cdp.send("Fetch.enable", { patterns: [{ urlPattern }] });
  return async () => {
    await expect.poll(() => requestId).toBeTruthy();
    await cdp.send("Fetch.continueRequest", { requestId: requestId! });
    await cdp.send("Fetch.disable");
  };
}

test("slow downloads show one “Preparing …” line each until their files start", async ({
  page,
  browser,
}) => {
  const { f, table, tableMenu, link } = await openTab(page);
  const exportPath = `*/p/${f.program.slug}/actions/export`;
  const releaseTabPdf = await holdRequest(browser, `${exportPath}/tab.pdf?*`);
  const tabMenu = page.getByLabel("Download the whole Actions tab");
  const tabPdfLink = page
    .locator("details", { has: tabMenu })
    .getByRole("link", { name: "PDF", exact: true });
  const status = page.getByRole("status").filter({ hasText: "Preparing" });

  await tabMenu.click();
  const tabPdf = page.waitForEvent("download", (d) => d.url().includes("/export/tab.pdf"));
  await tabPdfLink.click();
  await expect(tabPdfLink).toBeHidden();
  await expect(tabMenu).toBeFocused();
  await expect(status).toHaveText("Preparing tab.pdf…");

  const releaseTablePdf = await holdRequest(browser, `${exportPath}/table.pdf?*`);
  await tableMenu.click();
  const tablePdf = page.waitForEvent("download", (d) => d.url().includes("/export/table.pdf"));
  await link("PDF").click();
  await expect(link("PDF")).toBeHidden();
  await expect(status.locator("p")).toHaveText(["Preparing tab.pdf…", "Preparing table.pdf…"]);
  await expect(table.getByRole("link", { name: "CSV", exact: true })).toBeHidden();

  expect(await seriousAxeViolations(page)).toEqual([]);
  await page.screenshot({ path: "artifacts/screenshots/download-status.png" });

  await releaseTabPdf();
  const tab = await tabPdf;
  expect(tab.suggestedFilename()).toMatch(/_actions_.*\.pdf$/);
  // The response said it started (its token's cookie): its line goes, the other stays.
  await expect(status.locator("p")).toHaveText(["Preparing table.pdf…"]);
  await releaseTablePdf();
  const tableFile = await tablePdf;
  expect(tableFile.suggestedFilename()).toMatch(/_table_.*\.pdf$/);
  await expect(status).toHaveCount(0);
  // The page read its token's cookie (so it is not HttpOnly) and cleared it once seen.
  const names = (await page.context().cookies()).map((c) => c.name);
  expect(names).not.toContain(`ab_dl_${tokenOf(tableFile)}`);
});

test("the ⋮ menu works from the keyboard: Enter or Space opens, arrows move, Enter downloads and closes, Escape closes", async ({
  page,
}) => {
  const { tableMenu, link } = await openTab(page);
  await tableMenu.focus();
  await page.keyboard.press("Enter");
  await expect(link("CSV")).toBeVisible();
  await page.keyboard.press("Tab");
  await expect(link("CSV")).toBeFocused();
  await page.keyboard.press("ArrowDown");
  await expect(link("CSV with totals")).toBeFocused();

  const [download] = await Promise.all([
    page.waitForEvent("download"),
    page.keyboard.press("Enter"),
  ]);
  expect(new URL(download.url()).pathname).toMatch(/\/table-with-totals\.csv$/);
  expect((await csvRows(download)).at(-1)?.[0]).toBe(TOTALS_LABEL);
  await expect(link("CSV with totals")).toBeHidden();
  await expect(tableMenu).toBeFocused();

  await page.keyboard.press("Space");
  await expect(link("PDF")).toBeVisible();
  await page.keyboard.press("ArrowUp");
  await expect(link("PDF")).toBeFocused();
  await page.keyboard.press("Escape");
  await expect(link("PDF")).toBeHidden();
  await expect(tableMenu).toBeFocused();
  await expect(page.getByRole("status").filter({ hasText: "Preparing" })).toHaveCount(0);
});

test("without JavaScript the ⋮ menus are plain <details> of download links", async ({
  page,
  browser,
  baseURL,
}) => {
  const { f } = await openTab(page);
  const context = await browser.newContext({
    baseURL,
    javaScriptEnabled: false,
    storageState: await page.context().storageState(),
  });
  const plain = await context.newPage();
  await plain.goto(`/p/${f.program.slug}/actions?timeframe=any_time`);
  // The tiles stream in with a script; the tab's own menu is in the first HTML.
  await plain.getByLabel("Download the whole Actions tab").click();
  const [download] = await Promise.all([
    plain.waitForEvent("download"),
    plain.getByRole("link", { name: "CSV (zip of every tile)" }).click(),
  ]);
  expect(download.suggestedFilename()).toMatch(/_actions_.*\.zip$/);
  expect(tokenOf(download)).toBeNull();
  await context.close();
});
