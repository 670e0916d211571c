// The drill-down as people read it (issue 26, item 6), at 1,440 px: names and emails never break
// mid-word (each on one line, cut with the full text on hover and focus), the list sorts by time,
// value or reward, shows 25, 50 or 100 actions a page, and pages Older and back Newer; the CSV
// keeps the order. At 390 px the heading keeps "Timeframe:" with its value. Also the Partners
// directory's names (item 8): one line each.
import { expect, test, type Locator, type Page, type TestInfo } from "@playwright/test";
import Papa from "papaparse";
import { seedTabMember } from "./support/seed";
import { signIn } from "./support/sign-in";
import { seedWideProgram } from "./support/wide-program";

test.use({ viewport: { width: 1440, height: 900 } });

async function screenshot(page: Page, testInfo: TestInfo, name: string) {
  const path = testInfo.outputPath(`${name}.png`);
  await page.screenshot({ path, fullPage: true });
  await testInfo.attach(name, { path, contentType: "image/png" });
}

/** How many lines an element's text takes: its height over its line height. */
const lineCount = (element: Locator) =>
  element.evaluate((el) => {
    const line = parseFloat(getComputedStyle(el).lineHeight);
    return Math.round(el.getBoundingClientRect().height / line);
  });

const table = (page: Page) => page.getByTestId("drill-table-box").getByRole("table");
/** One column's cells, top to bottom (0 = Date … 3 = Action key … 5 = Value). */
const column = (page: Page, index: number) =>
  table(page)
    .locator(`tbody tr > td:nth-child(${index + 1})`)
    .allTextContents();

test("names and emails stay on one line, whole on hover and keyboard focus", async ({
  page,
}, testInfo) => {
  const f = await seedWideProgram();
  await signIn(page, f.user.email, f.user.password);
  await page.goto(`/p/${f.program.slug}/actions/occurrences`);
  await expect(page.getByTestId("drill-total")).toHaveText("6");
  const texts = table(page).locator(
    '[data-testid="drill-partner"] [title], [data-testid="drill-customer"] [title]',
  );
  // A name link and an email per partner cell, an email per customer cell: 3 × 6 rows.
  await expect(texts).toHaveCount(18);
  for (const text of await texts.all()) {
    expect(await lineCount(text), await text.innerText()).toBe(1);
    // Whatever is cut shows whole on hover: the title is the full text.
    expect(await text.getAttribute("title")).toBe(await text.textContent());
  }
  // The customer's long email is cut; focused from the keyboard, it unfolds to the full text.
  const email = table(page).getByTestId("drill-customer").first().locator("[title]");
  const cut = () => email.evaluate((el) => el.scrollWidth > el.clientWidth);
  expect(await cut()).toBe(true);
  await email.focus();
  await expect(email).toBeFocused();
  expect(await cut()).toBe(false);
  await expect(email).toBeInViewport();
  await email.blur();
  // Keys are codes, allowed to wrap; the partner's name is a link that focus unfolds too.
  await screenshot(page, testInfo, "drill-down-1440");

  await page.goto(`/p/${f.program.slug}/partners`);
  const name = page.getByRole("table").locator("tbody th").getByRole("link").first();
  await expect(name).toHaveText(f.partner.name);
  expect(await lineCount(name)).toBe(1);
  await expect(name).toHaveAttribute("title", f.partner.name);
  await screenshot(page, testInfo, "partners-1440");
});

test("sorts by value, shows 25 a page, keeps the order in the CSV, pages Older and back Newer", async ({
  page,
}, testInfo) => {
  const f = await seedTabMember();
  const live = f.actions.filter((a) => !a.archived);
  await signIn(page, f.user.email, f.user.password);
  await page.goto(`/p/${f.program.slug}/actions/occurrences?timeframe=any_time`);
  await expect(page.getByTestId("drill-total")).toHaveText(live.length.toLocaleString("en-US"));
  expect(await column(page, 3)).toHaveLength(50);
  await expect(page.getByTestId("drill-selection")).toContainText("newest first");

  // Value, highest first, then lowest first: the model's values in that order.
  const values = (dir: 1 | -1) => live.map((a) => a.value).sort((x, y) => dir * (x - y));
  await table(page)
    .getByRole("link", { name: /^Value/ })
    .click();
  await expect(page).toHaveURL(/drill_sort=value/);
  await expect(page.getByTestId("drill-selection")).toContainText("highest value first");
  expect((await column(page, 5)).map(Number)).toEqual(values(-1).slice(0, 50));
  await expect(table(page).getByRole("columnheader", { name: /^Value/ })).toHaveAttribute(
    "aria-sort",
    "descending",
  );
  await table(page)
    .getByRole("link", { name: /^Value/ })
    .click();
  await expect(page).toHaveURL(/drill_dir=asc/);
  await expect(page.getByTestId("drill-selection")).toContainText("lowest value first");

  // 25 a page, in the URL; the order stays.
  await page
    .getByRole("group", { name: "Actions per page" })
    .getByRole("link", { name: "25 per page" })
    .click();
  await expect(page).toHaveURL(/per_page=25/);
  await expect(page).toHaveURL(/drill_sort=value/);
  expect((await column(page, 5)).map(Number)).toEqual(values(1).slice(0, 25));

  // The CSV of these actions lists all of them in the same order.
  const href = await page.locator('a[href*="/export/actions.csv"]').getAttribute("href");
  expect(href).toContain("drill_sort=value");
  const response = await page.request.get(href!);
  expect(response.status()).toBe(200);
  const [header, ...rows] = Papa.parse<string[]>((await response.text()).replace(/^\uFEFF/, ""), {
    skipEmptyLines: true,
  }).data;
  const valueAt = header.indexOf("Action value");
  expect(valueAt).toBeGreaterThan(-1);
  expect(rows.map((r) => Number(r[valueAt]))).toEqual(values(1));
  await screenshot(page, testInfo, "drill-down-by-value-1440");

  // Newest first, 25 a page: Older, then Newer, is the first page again.
  await page.goto(`/p/${f.program.slug}/actions/occurrences?timeframe=any_time&per_page=25`);
  const nav = page.getByRole("navigation", { name: "Action pages" });
  await expect(nav.getByRole("link", { name: "← Newer" })).toHaveCount(0);
  const first = await column(page, 3);
  expect(first).toHaveLength(25);
  await nav.getByRole("link", { name: "Older →" }).click();
  await expect(page).toHaveURL(/after=/);
  const second = await column(page, 3);
  expect(second).toHaveLength(25);
  expect(second.filter((key) => first.includes(key))).toEqual([]);
  // The model's times: the second page is older than all of the first.
  const at = new Map(live.map((a) => [a.key, a.occurredAt]));
  expect(Math.max(...second.map((k) => at.get(k)!))).toBeLessThanOrEqual(
    Math.min(...first.map((k) => at.get(k)!)),
  );
  await nav.getByRole("link", { name: "← Newer" }).click();
  await expect(page).toHaveURL(/before=/);
  expect(await column(page, 3)).toEqual(first);
  await expect(nav.getByRole("link", { name: "← Newer" })).toHaveCount(0);
});

test.describe("on a phone", () => {
  test.use({ viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true });

  test("the heading keeps each label with its value", async ({ page }, testInfo) => {
    const f = await seedWideProgram();
    await signIn(page, f.user.email, f.user.password);
    await page.goto(
      `/p/${f.program.slug}/actions/occurrences?partner=${f.partner.key}&group=${f.group.id}`,
    );
    const filters = page.getByTestId("drill-filters");
    await expect(filters.locator("dt").first()).toHaveText(/^Timeframe:/);
    for (const item of await filters.locator("dt").all()) {
      const together = await item.evaluate((dt) => {
        const dd = dt.nextElementSibling!;
        const label = dt.getBoundingClientRect();
        const line = parseFloat(getComputedStyle(dt).lineHeight);
        // The label is one line, and the value's first line is that line.
        return label.height < 1.5 * line && Math.abs(dd.getClientRects()[0].top - label.top) < 2;
      });
      expect(together, await item.innerText()).toBe(true);
    }
    await screenshot(page, testInfo, "drill-down-390");
  });
});
