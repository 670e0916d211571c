// The conversion view (issue 28, item 4): choose A, B and N, read the numbers, open the
// drill-down of the converted starting actions and find as many as the view showed; by keyboard,
// at 1,440 px and at 390 px without sideways scrolling. Runs on PostgreSQL and on ClickHouse.
import { expect, test, type Page } from "@playwright/test";
import { seedTabMember } from "./support/seed";
import { signIn } from "./support/sign-in";
import { ONE_ENGINE } from "./support/engines";

const count = async (page: Page, testId: string) =>
  Number((await page.getByTestId(testId).innerText()).replace(/[^\d]/g, ""));

async function chooseQuestion(page: Page) {
  const form = page.getByRole("form", { name: "Conversion question" });
  await form.getByLabel("From action type (A)").selectOption("signup");
  await form.getByLabel("To action type (B)").selectOption("upgrade");
  await form.getByLabel("Within (days)").fill("7");
  // Sent from the keyboard: Enter in the number field submits the form.
  await form.getByLabel("Within (days)").press("Enter");
  await page.waitForURL(/within=7/);
  await expect(page.getByRole("region", { name: "signup → upgrade within 7 days" })).toBeVisible();
}

// The numbers come from the engine at 1,440 px; the phone's layout is the same on either engine.
for (const width of [1440, 390]) {
  const tags = width === 1440 ? {} : ONE_ENGINE;
  test(`conversion numbers open their drill-down at ${width} px`, tags, async ({ page }) => {
    await page.setViewportSize({ width, height: 900 });
    const f = await seedTabMember();
    await signIn(page, f.user.email, f.user.password);
    await page.goto(`/p/${f.program.slug}/actions?timeframe=any_time`);
    await page
      .getByRole("navigation", { name: "Program" })
      .getByRole("link", { name: "Conversion" })
      .click();
    await page.waitForURL(/\/conversion/);
    await page.goto(`/p/${f.program.slug}/conversion?timeframe=any_time`);
    await chooseQuestion(page);

    const starts = await count(page, "conversion-starts");
    const converted = await count(page, "conversion-converted");
    expect(starts).toBeGreaterThan(0);
    expect(converted).toBeGreaterThan(0);
    expect(converted).toBeLessThanOrEqual(starts);
    await expect(page.getByTestId("conversion-rate")).toHaveText(
      `${((converted / starts) * 100).toFixed(1)} %`,
    );
    const { scrollWidth, clientWidth } = await page.evaluate(() => ({
      scrollWidth: document.documentElement.scrollWidth,
      clientWidth: document.documentElement.clientWidth,
    }));
    expect(scrollWidth).toBeLessThanOrEqual(clientWidth);

    await page.getByTestId("conversion-converted").getByRole("link").click();
    await page.waitForURL(/actions\/occurrences/);
    await expect(page.getByTestId("drill-total")).toHaveText(converted.toLocaleString("en-US"));
    await expect(page.getByTestId("drill-selection")).toContainText(
      "First signup actions followed by upgrade within 7 days",
    );
    await page.getByRole("link", { name: "← Back to the conversion" }).click();
    await page.waitForURL(/\/conversion\?/);
    await page.getByTestId("conversion-not-converted").click();
    await page.waitForURL(/converted=no/);
    await expect(page.getByTestId("drill-total")).toHaveText(
      (starts - converted).toLocaleString("en-US"),
    );
  });
}

test("a malformed question is a notice, not an error", ONE_ENGINE, async ({ page }) => {
  const f = await seedTabMember();
  await signIn(page, f.user.email, f.user.password);
  const response = await page.goto(
    `/p/${f.program.slug}/conversion?from=nope&to=%00&within=abc&by=type&conv_sort=x&timeframe=bogus`,
  );
  expect(response?.status()).toBe(200);
  const notice = page.getByRole("alert").filter({ hasText: "could not be used" });
  await expect(notice).toContainText("Within (days): “abc” is not a valid value.");
  await expect(notice).toContainText("“nope” is not an action type of this program.");
  await expect(notice).toContainText("Breakdown: “type” is not a valid value.");
  await expect(page.getByRole("region", { name: /within 30 days/ })).toBeVisible();
});

test("by partner tag: each tag's converted count opens its converted starts", async ({ page }) => {
  await page.setViewportSize({ width: 1440, height: 900 });
  const f = await seedTabMember();
  await signIn(page, f.user.email, f.user.password);
  await page.goto(`/p/${f.program.slug}/conversion?timeframe=any_time`);
  const form = page.getByRole("form", { name: "Conversion question" });
  await form.getByLabel("By").selectOption({ label: "Partner tag" });
  await chooseQuestion(page);
  await expect(page).toHaveURL(/by=tag/);
  const table = page.getByTestId("conversion-table");
  await expect(table.getByRole("columnheader").first()).toContainText("Partner tag");
  // The first tag with a conversion: its count, then its drill-down.
  const rows = table.locator("tbody tr");
  const counts = await rows.evaluateAll((trs: HTMLTableRowElement[]) =>
    trs.map((tr) => [tr.cells[0].innerText, Number(tr.cells[2].innerText.replace(/[^\d]/g, ""))]),
  );
  const at = counts.findIndex(([, n]) => Number(n) > 0);
  expect(at).toBeGreaterThanOrEqual(0);
  const [tag, converted] = counts[at] as [string, number];
  await rows.nth(at).getByRole("cell").nth(2).getByRole("link").click();
  await page.waitForURL(/by=tag&by_key=/);
  await expect(page.getByTestId("drill-total")).toHaveText(converted.toLocaleString("en-US"));
  await expect(page.getByTestId("drill-selection")).toContainText(`Partner tag ${tag}`);
});
