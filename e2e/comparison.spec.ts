// Issue 28, item 1: comparison everywhere. February 2024 (29 days) compared with the same period
// last year (all of February 2023, its 28th standing in for the 29th): the tiles' change, the
// chart's dashed line and its key, the table's previous and change columns (sortable), the
// drill-down of the compared period, the table's CSV, "Compare with: Nothing", and phones.
import { readFile } from "node:fs/promises";
import { expect, test, type Page } from "@playwright/test";
import Papa from "papaparse";
import { addMember, createProgram, createUser } from "../lib/testing/factories";
import { analyticsCaughtUp, e2eDatabase } from "./support/seed";
import { signIn } from "./support/sign-in";

const ZONE = "America/New_York";
const FEBRUARY = "timeframe=range_2024-02-01_2024-03-01&timescale=week&compare=previous_year";

/** Ada and Bob's sign-ups around two Februaries, in New York time ($5 each). */
async function seedFebruaries() {
  const { prisma } = await e2eDatabase();
  const program = await createProgram(prisma, { timezone: ZONE, name: "Acme Leap" });
  const user = await createUser(prisma);
  await addMember(prisma, program.id, user.id, "owner");
  const programId = program.id;
  const group = await prisma.group.create({
    data: { programId, key: "default", name: "Default", slug: "default" },
  });
  const partner = (key: string, firstName: string) =>
    prisma.partnership.create({
      data: {
        programId,
        partnerKey: key,
        firstName,
        lastName: "Leap",
        email: `${key}@mail.test`,
        groupId: group.id,
      },
    });
  const ada = await partner("ada", "Ada");
  const bob = await partner("bob", "Bob");
  const type = await prisma.actionType.create({ data: { programId, name: "signup" } });
  const actions = [
    { who: ada, at: "2023-02-12T17:00:00Z" }, // last year
    { who: ada, at: "2023-02-28T23:00:00Z" }, // last year: 28 Feb 18:00 EST
    { who: ada, at: "2023-03-01T05:00:00Z" }, // 1 Mar 2023 00:00 EST: outside both
    { who: ada, at: "2024-01-20T17:00:00Z" }, // the previous period, not last year
    { who: ada, at: "2024-02-10T17:00:00Z" },
    { who: ada, at: "2024-02-29T17:00:00Z" }, // the 29th
    { who: bob, at: "2024-02-15T17:00:00Z" },
  ];
  for (const [i, a] of actions.entries()) {
    await prisma.action.create({
      data: {
        programId,
        key: `leap-${i}`,
        actionTypeId: type.id,
        value: 1,
        targetType: "partnership",
        partnershipId: a.who.id,
        occurredAt: new Date(a.at),
        createdAt: new Date(a.at),
        rewardCents: 500,
      },
    });
  }
  await analyticsCaughtUp(programId);
  return { program, user };
}

/** The occurrences table (the chart has a table of its own for screen readers). */
const tableOf = (page: Page) => page.getByRole("table").filter({ hasText: "Partner email" });
const row = (page: Page, name: string) => tableOf(page).getByRole("row").filter({ hasText: name });

test("February 2024 against the same period last year: tiles, line, columns, drill-down, CSV", async ({
  page,
}) => {
  const { program, user } = await seedFebruaries();
  await page.setViewportSize({ width: 1440, height: 900 });
  await signIn(page, user.email, user.password);
  await page.goto(`/p/${program.slug}/actions?${FEBRUARY}`);

  // 3 sign-ups this February against 2 last February (1 March 2023 is outside).
  await expect(page.getByTestId("tile-occurrences")).toHaveText("3");
  const tile = page.getByRole("region", { name: "Occurrences", exact: true });
  await expect(tile.getByText("▲ 50.0%")).toBeVisible();
  const hint = tile.getByText("vs same period last year", { exact: true });
  await hint.hover();
  await expect(tile.getByRole("tooltip")).toHaveText(
    "Same period last year: 2023-02-01 – 2023-02-28",
  );

  // The chart's line and its key; one point per week drawn.
  await expect(page.getByTestId("compared-legend")).toHaveText(
    "Same period last year (2023-02-01 – 2023-02-28), all types",
  );
  const points = await page.getByTestId("compared-line").locator("polyline").getAttribute("points");
  expect(points!.trim().split(" ")).toHaveLength(5); // weeks of 29 Jan … 26 Feb 2024
  // The keyboard's reading of the last week names last year's week and its total.
  await page.getByRole("group", { name: /Bars per period/ }).focus();
  await expect(page.getByTestId("chart-tooltip-compared")).toHaveText(
    /Same period last year \(Week of 27 Feb 2023\)\s*1/,
  );

  // The table: Ada 2 against 2, Bob 1 against none.
  const table = tableOf(page);
  await expect(table.getByRole("columnheader", { name: /Previous occurrences/ })).toBeVisible();
  await expect(row(page, "Ada Leap").getByRole("cell").nth(4)).toHaveText("2");
  await expect(row(page, "Ada Leap").getByRole("cell").nth(5)).toHaveText("2");
  await expect(row(page, "Ada Leap").getByRole("cell").nth(6)).toHaveText("±0");
  await expect(row(page, "Bob Leap").getByRole("cell").nth(5)).toHaveText("0");
  await expect(row(page, "Bob Leap").getByRole("cell").nth(6)).toHaveText("+1new");
  await expect(page.getByTestId("table-total-previous-occurrences")).toHaveText("2");

  // Sorted by the change, largest first: Bob (+1) before Ada (±0).
  await table.getByRole("link", { name: /Occurrences change/ }).click();
  await expect(page).toHaveURL(/sort=occurrences_change/);
  await expect(table.getByRole("row").nth(1)).toContainText("Bob Leap");

  // The table's CSV carries the compared columns.
  const summary = page.getByLabel("Download Actions by partner, type and value", { exact: true });
  await summary.click();
  const [download] = await Promise.all([
    page.waitForEvent("download"),
    page
      .locator("details", { has: summary })
      .getByRole("link", { name: "CSV", exact: true })
      .click(),
  ]);
  const csv = Papa.parse<string[]>((await readFile((await download.path())!, "utf8")).trim()).data;
  const header = csv[0];
  const previousAt = header.indexOf(
    "Occurrences, same period last year for 2023-02-01 – 2023-02-28",
  );
  expect(previousAt).toBeGreaterThan(0);
  const ada = csv.find((r) => r[2] === "ada")!;
  expect([ada[previousAt], ada[previousAt + 1]]).toEqual(["2", "0"]);

  // Ada's previous count opens last February's two actions.
  await row(page, "Ada Leap")
    .getByRole("link", { name: /2 occurrences in the same period last year/ })
    .click();
  await expect(page).toHaveURL(/period=compared/);
  await expect(page.getByTestId("drill-total")).toHaveText("2");
  await expect(page.getByTestId("drill-selection")).toContainText(
    "in the period compared with (same period last year)",
  );
  await expect(page.locator("main")).toContainText("2023-02-28");
  await page.screenshot({
    path: test.info().outputPath("comparison-drill-1440.png"),
    fullPage: true,
  });

  // Grouped by partner group, the previous total opens last February's actions too.
  await page.goto(`/p/${program.slug}/actions?${FEBRUARY}&rows_by=group`);
  const previousTotal = page.getByTestId("table-total-previous-occurrences");
  await expect(previousTotal).toHaveText("2");
  await previousTotal.getByRole("link").click();
  await expect(page).toHaveURL(/period=compared/);
  await expect(page.getByTestId("drill-total")).toHaveText("2");

  // Compare with nothing: no line, no columns, no change under the tiles.
  await page.goto(`/p/${program.slug}/actions?${FEBRUARY}`);
  const filters = page.getByRole("form", { name: "Filters" });
  await filters.getByLabel("Compare with").selectOption("none");
  await filters.getByRole("button", { name: /Reload with the changed filters/ }).click();
  await expect(page).toHaveURL(/compare=none/);
  await expect(page.getByTestId("compared-legend")).toHaveCount(0);
  await expect(page.getByRole("columnheader", { name: /Previous occurrences/ })).toHaveCount(0);
  await expect(tile.getByText(/vs /)).toHaveCount(0);
});

test("on a phone, each card says how its count changed", async ({ page }) => {
  const { program, user } = await seedFebruaries();
  await page.setViewportSize({ width: 390, height: 844 });
  await signIn(page, user.email, user.password);
  await page.goto(`/p/${program.slug}/actions?${FEBRUARY}`);
  const cards = page.getByRole("list", { name: "Rows of the table" });
  await expect(cards.getByRole("listitem").filter({ hasText: "Bob Leap" })).toContainText(
    "+1new vs same period last year",
  );
  await expect(page.getByTestId("compared-legend")).toBeVisible();
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
  await page.screenshot({
    path: test.info().outputPath("comparison-tab-390.png"),
    fullPage: true,
  });
});
