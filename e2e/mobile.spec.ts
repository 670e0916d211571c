// Phones (issue 12): at 390 × 844 in Chromium's mobile emulation no page scrolls sideways, the
// numbers come first and the filters wait behind a "Filters (n)" sheet.
import { expect, test, type Page, type TestInfo } from "@playwright/test";
import { seriousAxeViolations } from "./support/axe";
import { seedTabMember } from "./support/seed";
import { fillSignIn, signIn } from "./support/sign-in";
import { seedWideProgram } from "./support/wide-program";

test.use({ viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true });

/** A screenshot kept in the test's folder under test-results/ and attached to its report. */
async function screenshot(page: Page, testInfo: TestInfo, name: string, fullPage: boolean) {
  const path = testInfo.outputPath(`${name}.png`);
  await page.screenshot({ path, fullPage });
  await testInfo.attach(name, { path, contentType: "image/png" });
}

/** Saves a full-page screenshot, then requires the document to be no wider than the screen. */
async function expectFitsScreen(page: Page, testInfo: TestInfo, name: string) {
  await screenshot(page, testInfo, name, true);
  const { scrollWidth, clientWidth } = await page.evaluate(() => ({
    scrollWidth: document.documentElement.scrollWidth,
    clientWidth: document.documentElement.clientWidth,
  }));
  expect(scrollWidth, `${name}: the document's width`).toBeLessThanOrEqual(clientWidth);
}

test("the sign-in page, the Actions tab, its drill-down and the Partners page fit a phone", async ({
  page,
}, testInfo) => {
  const f = await seedWideProgram();
  await page.goto("/signin");
  await expect(page.getByRole("heading", { name: "Sign in to Actionboard" })).toBeVisible();
  await expectFitsScreen(page, testInfo, "signin");
  await fillSignIn(page, f.user.email, f.user.password);
  await page.waitForURL((url) => url.pathname !== "/signin");

  await page.goto(`/p/${f.program.slug}/actions`);
  const table = page.getByRole("region", { name: "Actions by partner, type and value" });
  await expect(
    table.getByRole("link", { name: f.partner.name, exact: true }).first(),
  ).toBeVisible();
  await expect(page.getByRole("region", { name: "Occurrences over time" })).toContainText(
    "stacked by action type",
  );
  await page.waitForLoadState("networkidle");
  // Every number stays inside its tile on one line, the widest being six-figure rewards.
  await expect(page.getByTestId("tile-rewardCents")).toHaveText("$370,370.34");
  for (const tile of await page.locator('[data-testid^="tile-"]').all()) {
    const fits = await tile.evaluate((number) => {
      const inner = number.getBoundingClientRect();
      const outer = number.closest("section")!.getBoundingClientRect();
      const line = parseFloat(getComputedStyle(number).lineHeight);
      return (
        inner.left >= outer.left &&
        inner.right <= outer.right &&
        number.scrollWidth <= number.clientWidth &&
        inner.height < 1.5 * line
      );
    });
    expect(fits, `${await tile.getAttribute("data-testid")} fits its tile on one line`).toBe(true);
  }
  // The program's nav shows every entry.
  for (const entry of [
    "Actions",
    "Partners",
    "Reward rules",
    "API keys",
    "Deliveries",
    "API log",
    "PartnerStack",
  ]) {
    await expect(
      page
        .getByRole("navigation", { name: "Program" })
        .getByRole("link", { name: entry, exact: true }),
    ).toBeInViewport();
  }
  // The table's rows are cards (e2e/reading-phones.spec.ts checks their numbers): the totals
  // card's numbers are on the screen, not off to the side.
  const totals = table.getByTestId("card-totals");
  await totals.scrollIntoViewIfNeeded();
  await expect(totals.getByRole("link")).toBeInViewport();
  await expectFitsScreen(page, testInfo, "actions-tab");

  await table
    .getByRole("link", { name: /show the actions/ })
    .first()
    .click();
  await expect(page.getByTestId("drill-selection")).toContainText(f.partner.name);
  await expectFitsScreen(page, testInfo, "drill-down");

  await page.goto(`/p/${f.program.slug}/partners`);
  await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
  await page.waitForLoadState("networkidle");
  await expectFitsScreen(page, testInfo, "partners");

  await page.goto(`/p/${f.program.slug}/deliveries`);
  await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
  await expectFitsScreen(page, testInfo, "deliveries");
});

test("on a phone the numbers come first and the filters open in a sheet that Reload applies", async ({
  page,
}, testInfo) => {
  const f = await seedTabMember();
  const live = (partner: (p: (typeof f.partners)[number]) => boolean) => {
    const byId = new Map(f.partners.map((p) => [p.id, p]));
    return f.actions.filter((a) => !a.archived && partner(byId.get(a.partnerId)!)).length;
  };
  await signIn(page, f.user.email, f.user.password);
  await page.goto(`/p/${f.program.slug}/actions?timeframe=any_time`);
  const occurrences = page.getByTestId("tile-occurrences");
  await expect(occurrences).toHaveText(live(() => true).toLocaleString("en-US"));
  await expect(occurrences).toBeInViewport();
  await expect(page.getByLabel("Is marketplace")).toBeHidden();

  // One filter is set (the timeframe). The sheet takes focus and gives it back on Escape.
  const button = page.getByRole("button", { name: "Filters (1)" });
  await button.click();
  const sheet = page.getByRole("dialog", { name: "Filters" });
  await expect(sheet).toBeVisible();
  expect(await page.evaluate(() => document.activeElement?.closest("dialog") !== null)).toBe(true);
  await page.keyboard.press("Escape");
  await expect(sheet).toBeHidden();
  await expect(button).toBeFocused();

  await button.click();
  for (const label of [
    "Timescale",
    "Partner name contains",
    "Is marketplace",
    "Is partnership archived",
  ]) {
    await expect(sheet.getByLabel(label)).toBeVisible();
  }
  // Escape in a list inside the sheet closes the list only.
  await sheet.locator("#f-group-op").selectOption("include");
  await sheet.getByRole("button", { name: /^Group name:/ }).click();
  await expect(sheet.getByRole("group", { name: "Group name" })).toBeVisible();
  await page.keyboard.press("Escape");
  await expect(sheet.getByRole("group", { name: "Group name" })).toBeHidden();
  await expect(sheet).toBeVisible();
  await sheet.getByLabel("Is marketplace").selectOption("yes");
  await screenshot(page, testInfo, "filters-sheet", false);
  expect(await seriousAxeViolations(page)).toEqual([]);
  await sheet.getByRole("button", { name: /Reload with the changed filters/ }).click();
  await expect(page).toHaveURL(/marketplace=yes/);
  await expect(sheet).toBeHidden();
  await expect(occurrences).toHaveText(live((p) => p.marketplace).toLocaleString("en-US"));
  await expect(page.getByRole("button", { name: "Filters (2)" })).toBeVisible();
  await expectFitsScreen(page, testInfo, "actions-tab-filtered");
});
