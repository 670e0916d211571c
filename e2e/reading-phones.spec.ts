// Phones, numbers first (issue 26, item 5): at 390 px no page of the app scrolls sideways — every
// page of the route tree, walked as the crawlers do, signed in as an owner of a program whose
// values are as wide as real ones get — and the tab's and the partner page's rows are cards whose
// occurrences and rewards are on the screen.
import { expect, test, type Page, type TestInfo } from "@playwright/test";
import { signIn } from "./support/sign-in";
import { crawlEveryPage, SCREENSHOTS, seedOwnerOfWideProgram } from "./support/page-crawl";

test.use({ viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true });

async function screenshot(page: Page, testInfo: TestInfo, name: string) {
  const path = testInfo.outputPath(`${name}-390.png`);
  await page.screenshot({ path, fullPage: true });
  await testInfo.attach(name, { path, contentType: "image/png" });
}

test("no page of the app scrolls sideways at 390 px", async ({ page }, testInfo) => {
  // E2E_SCREENSHOTS=all photographs every page too (e2e/support/page-crawl.ts).
  test.setTimeout(SCREENSHOTS === "all" ? 480_000 : 240_000);
  const f = await seedOwnerOfWideProgram();
  await signIn(page, f.owner.email, f.owner.password);
  const wide = await crawlEveryPage(page, testInfo, f);
  expect(wide, "pages wider than the screen").toEqual([]);
});

test("the tab's and the partner page's rows are cards with their numbers on the screen", async ({
  page,
}, testInfo) => {
  const f = await seedOwnerOfWideProgram();
  await signIn(page, f.owner.email, f.owner.password);

  await page.goto(`/p/${f.program.slug}/actions`);
  const tile = page.getByRole("region", { name: "Actions by partner, type and value" });
  const cards = tile.getByRole("list", { name: "Rows of the table" });
  await expect(cards).toBeVisible();
  await expect(tile.getByRole("table")).toBeHidden();
  // Six actions: three of each type, each type one row; the numbers are the seed's.
  const rows = cards.getByRole("listitem");
  await expect(rows).toHaveCount(3); // two rows and the totals
  for (const card of await rows.all()) {
    await card.scrollIntoViewIfNeeded();
    await expect(card.getByRole("link").last()).toBeInViewport({ ratio: 1 });
  }
  const signup = rows.filter({ hasText: "enterprise_signup_completed" });
  await expect(signup.getByRole("link", { name: /^3 occurrences/ })).toBeInViewport({ ratio: 1 });
  // Three signups at the launch bonus each.
  await expect(signup).toContainText("$370,370.34");
  await expect(tile.getByTestId("card-totals")).toContainText("6");
  await screenshot(page, testInfo, "tab-cards");

  await page.goto(`/p/${f.program.slug}/partners/${f.partner.key}?timeframe=any_time`);
  const section = page.getByRole("region", { name: "Actions by type and value" });
  const partnerCards = section.getByRole("list", { name: "Actions by type and value" });
  await expect(partnerCards.getByRole("listitem")).toHaveCount(3);
  await expect(section.getByRole("table")).toBeHidden();
  for (const card of await partnerCards.getByRole("listitem").all()) {
    await card.scrollIntoViewIfNeeded();
    await expect(card.getByRole("link")).toBeInViewport({ ratio: 1 });
  }
  await expect(
    partnerCards.getByRole("listitem").filter({ hasText: "enterprise_signup_completed" }),
  ).toContainText("$370,370.34");
  await screenshot(page, testInfo, "partner-cards");
});
