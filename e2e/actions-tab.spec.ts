import { ONE_ENGINE } from "./support/engines";
import { expect, test, type Page } from "@playwright/test";
import { seriousAxeViolations } from "./support/axe";
import { seedProgramMember, seedTabMember } from "./support/seed";
import { signIn } from "./support/sign-in";
import { seedWideProgram } from "./support/wide-program";

type Fixture = Awaited<ReturnType<typeof seedTabMember>>;

/** The independent count: live actions of partners matching a predicate, from the fixture model. */
function count(f: Fixture, partner: (p: Fixture["partners"][number]) => boolean) {
  const byId = new Map(f.partners.map((p) => [p.id, p]));
  return f.actions.filter((a) => !a.archived && partner(byId.get(a.partnerId)!)).length;
}

const occurrences = (page: Page) => page.getByTestId("tile-occurrences");
const fmt = (n: number) => n.toLocaleString("en-US");

test("filters apply on Reload only, travel in the URL, and drill down to the same count", async ({
  page,
  browser,
  baseURL,
}) => {
  const f = await seedTabMember();
  await signIn(page, f.user.email, f.user.password);
  await page.goto(`/p/${f.program.slug}/actions?timeframe=any_time`);
  await expect(occurrences(page)).toHaveText(fmt(count(f, () => true)));

  await page.getByLabel("Is marketplace").selectOption("yes");
  await expect(page.getByText("press Reload to apply them")).toBeVisible();
  await expect(occurrences(page)).toHaveText(fmt(count(f, () => true)));
  expect(new URL(page.url()).searchParams.get("marketplace")).toBeNull();

  await page.getByRole("button", { name: /Reload with the changed filters/ }).click();
  await expect(page).toHaveURL(/marketplace=yes/);
  const marketplaceCount = count(f, (p) => p.marketplace);
  await expect(occurrences(page)).toHaveText(fmt(marketplaceCount));
  await expect(page.getByTestId("table-total-occurrences")).toHaveText(fmt(marketplaceCount));
  await page.screenshot({ path: "artifacts/screenshots/actions-tab.png", fullPage: true });

  // A teammate opening the same URL sees the same numbers.
  const shared = page.url();
  const teammate = await browser.newContext({ baseURL });
  const other = await teammate.newPage();
  await other.goto(shared);
  await other.getByLabel("Email").fill(f.user.email);
  await other.getByLabel("Password").fill(f.user.password);
  await other.getByRole("button", { name: "Sign in" }).click();
  await expect(other).toHaveURL(shared);
  await expect(occurrences(other)).toHaveText(fmt(marketplaceCount));
  await teammate.close();

  // Drill into the first row: the list holds exactly that many actions.
  const table = page.getByRole("region", { name: "Actions by partner, type and value" });
  const firstCount = table
    .getByRole("row")
    .nth(1)
    .getByRole("link", { name: /show the actions/ });
  const clicked = (await firstCount.textContent())!.trim();
  await firstCount.click();
  await expect(page).toHaveURL(/\/occurrences\?/);
  await expect(page).toHaveURL(/marketplace=yes/);
  await expect(page.getByTestId("drill-total")).toHaveText(clicked);
  await expect(page.locator("tbody tr")).toHaveCount(Number(clicked.replace(/,/g, "")));
  await page.screenshot({ path: "artifacts/screenshots/drill-down.png", fullPage: true });

  await page.getByRole("link", { name: "← Back to the Actions tab" }).click();
  await expect(page).toHaveURL(/marketplace=yes/);
  await expect(occurrences(page)).toHaveText(fmt(marketplaceCount));

  // Back walks the history: drill-down, the applied view, then the view before Reload.
  await page.goBack();
  await expect(page).toHaveURL(/\/occurrences\?/);
  await page.goBack();
  await expect(page).toHaveURL(/actions\?.*marketplace=yes/);
  await page.goBack();
  await expect(page).not.toHaveURL(/marketplace=yes/);
  await expect(occurrences(page)).toHaveText(fmt(count(f, () => true)));
  await expect(page.getByLabel("Is marketplace")).toHaveValue("any");
});

test("the filter bar works from the keyboard alone", ONE_ENGINE, async ({ page }) => {
  const f = await seedTabMember();
  await signIn(page, f.user.email, f.user.password);
  await page.goto(`/p/${f.program.slug}/actions?timeframe=any_time`);
  const [affiliates] = f.groups;

  await page.getByLabel("Partner name contains").focus();
  await page.keyboard.type("ada");
  await page.keyboard.press("Enter");
  await expect(page).toHaveURL(/name=ada/);
  await expect(occurrences(page)).toHaveText(
    fmt(count(f, (p) => p.name.toLowerCase().includes("ada"))),
  );

  // Group: choose "is one of" with the keyboard, open the list, tick Affiliates, close, reload.
  await page.locator("#f-group-op").focus();
  await page.keyboard.press("ArrowDown");
  await expect(page.locator("#f-group-op")).toHaveValue("include");
  await page.keyboard.press("Tab");
  await page.keyboard.press("Enter");
  await page.keyboard.type("affil");
  await page.keyboard.press("Tab");
  await page.keyboard.press("Space");
  await page.keyboard.press("Escape");
  await expect(page.getByRole("button", { name: "Group name: Affiliates" })).toBeFocused();
  await page.getByRole("button", { name: /Reload with the changed filters/ }).focus();
  await page.keyboard.press("Enter");
  await expect(page).toHaveURL(new RegExp(`group=${affiliates.id}`));
  await expect(occurrences(page)).toHaveText(
    fmt(count(f, (p) => p.name.toLowerCase().includes("ada") && p.groupId === affiliates.id)),
  );
});

test("the action type filter narrows the tab, its drill-down and the Partners directory", async ({
  page,
}) => {
  const f = await seedTabMember();
  await signIn(page, f.user.email, f.user.password);
  await page.goto(`/p/${f.program.slug}/actions?timeframe=any_time`);
  const [signup] = f.types;
  const expected = f.actions.filter((a) => !a.archived && a.type === signup.name).length;
  expect(expected).toBeGreaterThan(0);
  expect(expected).toBeLessThan(count(f, () => true));

  await page.locator("#f-action_type-op").focus();
  await page.keyboard.press("ArrowDown");
  await expect(page.locator("#f-action_type-op")).toHaveValue("include");
  await page.keyboard.press("Tab");
  await page.keyboard.press("Enter");
  await page.keyboard.type(signup.name);
  await page.keyboard.press("Tab");
  await page.keyboard.press("Space");
  await page.keyboard.press("Escape");
  await page.getByRole("button", { name: /Reload with the changed filters/ }).click();
  await expect(page).toHaveURL(new RegExp(`action_type=${signup.id}`));
  await expect(occurrences(page)).toHaveText(fmt(expected));

  await page
    .getByRole("region", { name: "Actions by partner, type and value" })
    .getByRole("link", { name: /show the actions/ })
    .first()
    .click();
  await expect(page.getByTestId("drill-filters")).toContainText(
    `Action type: is one of ${signup.name}`,
  );
  await page.goto(`/p/${f.program.slug}/partners?timeframe=any_time&action_type=${signup.id}`);
  await expect(page.locator("#f-action_type-op")).toHaveValue("include");
  await expect(page.getByRole("button", { name: `Action type: ${signup.name}` })).toBeVisible();
});

test(
  "a malformed URL shows what was ignored and falls back to defaults",
  ONE_ENGINE,
  async ({ page }) => {
    const f = await seedTabMember();
    await signIn(page, f.user.email, f.user.password);
    const response = await page.goto(
      `/p/${f.program.slug}/actions?timeframe=past_0_days&marketplace=maybe&timescale=decade&group=abc&page=-2`,
    );
    expect(response?.status()).toBe(200);
    const alert = page.getByRole("alert").filter({ hasText: "could not be used" });
    await expect(alert).toContainText("Timeframe: “past_0_days” is not a valid value");
    await expect(alert).toContainText("Is marketplace: “maybe”");
    await expect(alert).toContainText("Timescale: “decade”");
    await expect(page.getByText("Timeframe is in the past 30 days")).toBeVisible();
    const drill = await page.goto(
      `/p/${f.program.slug}/actions/occurrences?value=zero&after=garbage&timeframe=any_time`,
    );
    expect(drill?.status()).toBe(200);
    await expect(page.getByTestId("drill-total")).toHaveText(fmt(count(f, () => true)));
  },
);

test(
  "saved views keep the filters one click away: managers save and delete them, viewers apply them",
  ONE_ENGINE,
  async ({ page, browser, baseURL }) => {
    const f = await seedTabMember("manager");
    await signIn(page, f.user.email, f.user.password);
    await page.goto(`/p/${f.program.slug}/actions?timeframe=any_time&archived=no`);
    await page.getByRole("button", { name: /^Saved views/ }).click();
    const panel = page.getByRole("dialog", { name: "Saved views" });
    await panel
      .getByLabel("Save the current filters as a new view")
      .fill("Active partners, all time");
    await panel.getByRole("button", { name: "Save view" }).click();
    await expect(page.getByRole("button", { name: /^Saved views/ })).toHaveAccessibleName(
      "Saved views: Active partners, all time",
    );

    // A viewer of the program sees the team's view and applies it, with nothing to change it.
    const viewer = await seedProgramMember(f.program.id, "viewer");
    const viewerContext = await browser.newContext({ baseURL });
    const viewerPage = await viewerContext.newPage();
    await signIn(viewerPage, viewer.email, viewer.password);
    await viewerPage.goto(`/p/${f.program.slug}/actions`);
    await viewerPage.getByRole("button", { name: "Saved views" }).click();
    await expect(viewerPage.getByLabel("Save the current filters as a new view")).toHaveCount(0);
    await expect(viewerPage.getByRole("button", { name: "Save view" })).toHaveCount(0);
    await expect(
      viewerPage.getByRole("link", { name: "Active partners, all time", exact: true }),
    ).toBeVisible();
    await expect(viewerPage.getByRole("button", { name: /Delete saved view/ })).toHaveCount(0);
    await viewerPage.getByRole("link", { name: "Active partners, all time", exact: true }).click();
    await expect(viewerPage).toHaveURL(/archived=no/);
    await expect(occurrences(viewerPage)).toHaveText(fmt(count(f, (p) => !p.archived)));
    await viewerContext.close();

    await page.goto(`/p/${f.program.slug}/actions`);
    await page.getByRole("button", { name: /^Saved views/ }).click();
    await panel
      .getByRole("button", { name: "Delete saved view Active partners, all time" })
      .click();
    await panel.getByRole("button", { name: "Delete", exact: true }).click();
    await expect(
      page.getByRole("link", { name: "Active partners, all time", exact: true }),
    ).toHaveCount(0);
  },
);

test(
  "the tab and the drill-down have no serious accessibility violations",
  ONE_ENGINE,
  async ({ page }) => {
    const f = await seedTabMember();
    await signIn(page, f.user.email, f.user.password);
    for (const path of ["actions?timeframe=any_time", "actions/occurrences?timeframe=any_time"]) {
      await page.goto(`/p/${f.program.slug}/${path}`);
      await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
      await page.waitForLoadState("networkidle");
      expect(await seriousAxeViolations(page), path).toEqual([]);
    }
  },
);

test(
  "the drill-down names the partner, lists every filter in force and fits a 1,440 px window",
  ONE_ENGINE,
  async ({ page }) => {
    const f = await seedWideProgram();
    await page.setViewportSize({ width: 1440, height: 900 });
    await signIn(page, f.user.email, f.user.password);
    await page.goto(
      `/p/${f.program.slug}/actions?group=${f.group.id}&name=maxi&marketplace=no&archived=no`,
    );
    const partnerPage = `/p/${f.program.slug}/partners/${f.partner.key}`;
    const table = page.getByRole("region", { name: "Actions by partner, type and value" });
    await expect(
      table.getByRole("link", { name: f.partner.name, exact: true }).first(),
    ).toHaveAttribute("href", partnerPage);
    await table
      .getByRole("link", { name: /show the actions/ })
      .first()
      .click();
    await expect(page).toHaveURL(/\/occurrences\?/);

    const selection = page.getByTestId("drill-selection");
    await expect(selection).toContainText(`Partner ${f.partner.name} (${f.partner.email})`);
    await expect(selection).not.toContainText(f.partner.key);
    await expect(selection.getByRole("link", { name: f.partner.name })).toHaveAttribute(
      "href",
      partnerPage,
    );
    const filters = page.getByTestId("drill-filters");
    for (const line of [
      "Timeframe: is in the past 30 days",
      "Group name: is one of Enterprise",
      "Partner name: contains “maxi”",
      "Is marketplace: no",
      "Is partnership archived: no",
    ]) {
      await expect(filters).toContainText(line);
    }
    await expect(filters).not.toContainText("Partner tag");
    const rows = page.locator("tbody tr");
    await expect(
      rows.first().getByRole("link", { name: f.partner.name, exact: true }),
    ).toHaveAttribute("href", partnerPage);

    // Every column, Reward included, inside the table's box: nothing to scroll sideways.
    const box = page.getByTestId("drill-table-box");
    await expect(box.getByRole("columnheader", { name: "Reward" })).toBeInViewport();
    const { table: tableWidth, box: boxWidth } = await box.evaluate((element) => ({
      table: element.querySelector("table")!.getBoundingClientRect().width,
      box: element.clientWidth,
    }));
    expect(tableWidth).toBeLessThanOrEqual(boxWidth);
    expect(await box.evaluate((element) => element.scrollWidth <= element.clientWidth)).toBe(true);
    await page.screenshot({ path: "artifacts/screenshots/drill-down-1440.png", fullPage: true });
  },
);
