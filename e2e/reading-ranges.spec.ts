// Issue 26, items 4 and 10: a custom range picked in the filter bar reads as the days picked (the
// URL keeps its exclusive end) on the tab, the drill-down, the files and their names; the previous
// period's dates on hover and focus; "Reset filters" on an empty result; the API docs' curl line.
import { readFile } from "node:fs/promises";
import { expect, test, type Download, type Page } from "@playwright/test";
import { strFromU8, unzipSync } from "fflate";
import Papa from "papaparse";
import { extractText, getDocumentProxy } from "unpdf";
import { addMember, createProgram, createUser } from "../lib/testing/factories";
import { analyticsCaughtUp, e2eDatabase } from "./support/seed";
import { signIn } from "./support/sign-in";

const ZONE = "America/New_York";
/** The URL token of 1 September – 30 November 2025, both included. */
const AUTUMN = "range_2025-09-01_2025-12-01";
const DAY = "\\d{4}-\\d{2}-\\d{2}";

/**
 * A program in New York time whose actions sit on the edges of 1 Sep – 30 Nov 2025: the first
 * instant of 1 September, the last millisecond of 30 November (in), the first of 1 December
 * (out), and one in the previous 91 days (2 June – 31 August). Rewards are whole dollars.
 */
async function seedAutumn() {
  const { prisma } = await e2eDatabase();
  const program = await createProgram(prisma, { timezone: ZONE, name: "Acme Autumn" });
  const user = await createUser(prisma);
  await addMember(prisma, program.id, user.id, "owner");
  const programId = program.id;
  const group = await prisma.group.create({
    data: { programId, key: "default", name: "Default", slug: "default" },
  });
  const partner = await prisma.partnership.create({
    data: {
      programId,
      partnerKey: "ada",
      firstName: "Ada",
      lastName: "Lovelace",
      email: "ada@mail.test",
      groupId: group.id,
    },
  });
  const type = await prisma.actionType.create({ data: { programId, name: "signup" } });
  const actions = [
    { at: "2025-08-31T16:00:00Z", value: 1, rewardCents: 0 }, // previous period
    { at: "2025-09-01T04:00:00Z", value: 1, rewardCents: 500 }, // 1 Sep 00:00 EDT
    { at: "2025-10-15T16:00:00Z", value: 2, rewardCents: 1000 },
    { at: "2025-12-01T04:59:59.999Z", value: 3, rewardCents: 500 }, // 30 Nov 23:59:59.999 EST
    { at: "2025-12-01T05:00:00Z", value: 4, rewardCents: 700 }, // 1 Dec 00:00 EST: outside
  ];
  for (const [i, a] of actions.entries()) {
    await prisma.action.create({
      data: {
        programId,
        key: `autumn-${i}`,
        actionTypeId: type.id,
        value: a.value,
        targetType: "partnership",
        partnershipId: partner.id,
        occurredAt: new Date(a.at),
        createdAt: new Date(a.at),
        rewardCents: a.rewardCents,
      },
    });
  }
  await analyticsCaughtUp(programId);
  return { program, user, partner };
}

const parseCsv = (text: string) =>
  Papa.parse<string[]>(text.replace(/^\uFEFF/, ""), { skipEmptyLines: true }).data;

async function csvRows(download: Download) {
  return parseCsv((await readFile((await download.path())!)).toString("utf8"));
}

async function pdfText(download: Download) {
  const bytes = new Uint8Array(await readFile((await download.path())!));
  const { text } = await extractText(await getDocumentProxy(bytes), { mergePages: true });
  return String(text).replace(/\s+/g, " ");
}

/** Opens a ⋮ menu and downloads one of its links. */
async function downloadFrom(page: Page, menu: string, link: string) {
  const summary = page.getByLabel(`Download ${menu}`, { exact: true });
  const details = page.locator("details", { has: summary });
  await summary.click();
  const [download] = await Promise.all([
    page.waitForEvent("download"),
    details.getByRole("link", { name: link, exact: true }).click(),
  ]);
  return download;
}

test("a range picked as 1 Sep – 30 Nov reads as those days everywhere, files included", async ({
  page,
}) => {
  const { program, user } = await seedAutumn();
  const slug = program.slug;
  await page.setViewportSize({ width: 1440, height: 900 });
  await signIn(page, user.email, user.password);
  await page.goto(`/p/${slug}/actions?timeframe=any_time`);

  // The form asks for the last day included.
  const filters = page.getByRole("form", { name: "Filters" });
  await filters.getByLabel("Timeframe condition").selectOption("range");
  await filters.getByLabel("From", { exact: true }).fill("2025-09-01");
  await filters.getByLabel("To (included)").fill("2025-11-30");
  await filters.getByRole("button", { name: /Reload with the changed filters/ }).click();
  // The URL keeps its exclusive end, so links shared before keep their meaning.
  await expect(page).toHaveURL(new RegExp(`timeframe=${AUTUMN}`));
  await expect(
    page.getByText(
      `Timeframe is in range 2025-09-01 – 2025-11-30: 2025-09-01 – 2025-11-30, times in ${ZONE}.`,
    ),
  ).toBeVisible();
  await expect(filters.getByLabel("To (included)")).toHaveValue("2025-11-30");
  await expect(filters.getByText("Showing 2025-09-01 – 2025-11-30")).toBeVisible();
  // 1 September's first instant and 30 November's last are in; 1 December's first is not.
  await expect(page.getByTestId("tile-occurrences")).toHaveText("3");
  await expect(page.getByTestId("tile-rewardCents")).toHaveText("$20");

  // "vs previous period": its dates on hover, and on keyboard focus (Tab from the number).
  const tile = page.getByRole("region", { name: "Occurrences", exact: true });
  const hint = tile.getByText("vs previous period", { exact: true });
  const tooltip = tile.getByRole("tooltip");
  await expect(tooltip).toBeHidden();
  await hint.hover();
  await expect(tooltip).toBeVisible();
  await expect(tooltip).toHaveText("Previous period: 2025-06-02 – 2025-08-31");
  await page.screenshot({ path: test.info().outputPath("reading-ranges-previous-hint-1440.png") });
  await page.mouse.move(0, 0);
  await expect(tooltip).toBeHidden();
  await tile.getByRole("link", { name: "3 occurrences: show the actions" }).focus();
  await page.keyboard.press("Tab");
  await expect(hint).toBeFocused();
  await expect(tooltip).toBeVisible();
  await expect(hint).toHaveAccessibleDescription("Previous period: 2025-06-02 – 2025-08-31");
  await page.keyboard.press("Escape");
  await expect(tooltip).toBeHidden();
  await page.screenshot({
    path: test.info().outputPath("reading-ranges-tab-1440.png"),
    fullPage: true,
  });

  // The files: inclusive dates in the CSV header and the PDF, names that say what they hold.
  const csv = await downloadFrom(page, "Occurrences", "CSV");
  expect(csv.suggestedFilename()).toMatch(
    new RegExp(`^${slug}_occurrences_2025-09-01-to-2025-11-30_${DAY}\\.csv$`),
  );
  expect(await csvRows(csv)).toEqual([
    [
      "Metric",
      "Value for 2025-09-01 – 2025-11-30",
      "Previous period for 2025-06-02 – 2025-08-31",
      "Change (%)",
    ],
    ["Occurrences", "3", "1", "200"],
  ]);

  const pdf = await downloadFrom(page, "the whole Actions tab", "PDF");
  expect(pdf.suggestedFilename()).toMatch(
    new RegExp(`^${slug}_actions_2025-09-01-to-2025-11-30_${DAY}\\.pdf$`),
  );
  const text = await pdfText(pdf);
  expect(text).toContain(
    `Timeframe: is in range 2025-09-01 – 2025-11-30 → 2025-09-01 – 2025-11-30 (${ZONE})`,
  );
  expect(text).toContain("Compared with: previous period → 2025-06-02 – 2025-08-31");
  expect(text).not.toContain("2025-11-29");
  // Whole amounts: the tile and the table with the currency sign and no cents.
  expect(text).toContain("Total rewards $20");
  expect(text).toContain("Total 3 $20");
  for (const amount of ["$5", "$10"]) expect(text).toContain(` ${amount} `);
  expect(text).not.toContain(".00");

  // The table's CSV names the days in its header row: a file travels without its name.
  const tableCsv = await csvRows(
    await downloadFrom(page, "Actions by partner, type and value", "CSV"),
  );
  // The previous period's columns name their own days (2 June – 31 August holds one action of
  // value 1, rewarded 0).
  expect(tableCsv[0].slice(5)).toEqual([
    "Occurrences for 2025-09-01 – 2025-11-30",
    "Sum of rewards (USD) for 2025-09-01 – 2025-11-30",
    "Occurrences, previous period for 2025-06-02 – 2025-08-31",
    "Change in occurrences",
    "Sum of rewards (USD), previous period for 2025-06-02 – 2025-08-31",
    "Change in rewards (USD)",
  ]);
  expect(tableCsv.slice(1)).toEqual([
    ["Ada Lovelace", "ada@mail.test", "ada", "signup", "1", "1", "5.00", "1", "0", "0.00", "5.00"],
    [
      "Ada Lovelace",
      "ada@mail.test",
      "ada",
      "signup",
      "2",
      "1",
      "10.00",
      "0",
      "1",
      "0.00",
      "10.00",
    ],
    ["Ada Lovelace", "ada@mail.test", "ada", "signup", "3", "1", "5.00", "0", "1", "0.00", "5.00"],
  ]);

  // The drill-down's heading states the same days, and so does its CSV's header.
  await tile.getByRole("link", { name: "3 occurrences: show the actions" }).click();
  await expect(page.getByTestId("drill-total")).toHaveText("3");
  await expect(page.getByTestId("drill-filters")).toContainText(
    `is in range 2025-09-01 – 2025-11-30 → 2025-09-01 – 2025-11-30 (${ZONE})`,
  );
  const drillCsv = await csvRows(await downloadFrom(page, "these actions", "CSV"));
  expect(drillCsv[0].slice(0, 2)).toEqual([
    `Occurred (${ZONE}) for 2025-09-01 – 2025-11-30`,
    `Received (${ZONE})`,
  ]);
  // Newest first: 30 November's last millisecond, 15 October, 1 September's first instant.
  expect(drillCsv.slice(1).map((r) => r[0])).toEqual([
    "2025-11-30T23:59:59-05:00",
    "2025-10-15T12:00:00-04:00",
    "2025-09-01T00:00:00-04:00",
  ]);

  // The Partners directory's CSV is named after the range too.
  await page.goto(`/p/${slug}/partners?timeframe=${AUTUMN}`);
  const href = await page.getByRole("link", { name: "Download CSV" }).getAttribute("href");
  const response = await page.request.get(href!);
  expect(response.headers()["content-disposition"]).toMatch(
    new RegExp(`filename="${slug}_partners_2025-09-01-to-2025-11-30_${DAY}\\.csv"`),
  );

  // A saved view's downloads carry its name.
  const { prisma } = await e2eDatabase();
  await prisma.savedView.create({
    data: {
      programId: program.id,
      userId: user.id,
      name: "Autumn / EMEA",
      query: `timeframe=${AUTUMN}`,
    },
  });
  await page.goto(`/p/${slug}/actions?timeframe=${AUTUMN}`);
  const zip = await downloadFrom(page, "the whole Actions tab", "CSV (zip of every tile)");
  expect(zip.suggestedFilename()).toMatch(new RegExp(`^${slug}_actions_autumn-emea_${DAY}\\.zip$`));
  // Named after the view, the files inside still say which days they count.
  const files = unzipSync(new Uint8Array(await readFile((await zip.path())!)));
  const header = (name: string) => parseCsv(strFromU8(files[name]))[0];
  expect(header("actions-by-partner-type-and-value.csv")).toContain(
    "Occurrences for 2025-09-01 – 2025-11-30",
  );
  expect(header("actions-drill-down-rows.csv")[0]).toBe(
    `Occurred (${ZONE}) for 2025-09-01 – 2025-11-30`,
  );
});

test("a one-day range is allowed and reads as that one day", async ({ page }) => {
  const { program, user } = await seedAutumn();
  await page.setViewportSize({ width: 1440, height: 900 });
  await signIn(page, user.email, user.password);
  await page.goto(`/p/${program.slug}/actions?timeframe=any_time`);
  const filters = page.getByRole("form", { name: "Filters" });
  await filters.getByLabel("Timeframe condition").selectOption("range");
  await filters.getByLabel("From", { exact: true }).fill("2025-11-30");
  await filters.getByLabel("To (included)").fill("2025-11-29");
  await expect(filters.getByRole("alert")).toHaveText(
    "The last day must not be before the first day.",
  );
  await filters.getByLabel("To (included)").fill("2025-11-30");
  await expect(filters.getByRole("alert")).toHaveCount(0);
  await filters.getByRole("button", { name: /Reload with the changed filters/ }).click();
  await expect(page).toHaveURL(/timeframe=range_2025-11-30_2025-12-01/);
  await expect(
    page.getByText("Timeframe is in range 2025-11-30 – 2025-11-30: 2025-11-30,"),
  ).toBeVisible();
  await expect(page.getByTestId("tile-occurrences")).toHaveText("1");
  await expect(page.getByTestId("tile-rewardCents")).toHaveText("$5");
});

for (const width of [1440, 390]) {
  test(`every empty result offers Reset filters, which keeps the period, at ${width} px`, async ({
    page,
  }) => {
    const { program, user } = await seedAutumn();
    const slug = program.slug;
    await page.setViewportSize({ width, height: 900 });
    await signIn(page, user.email, user.password);
    const shot = (name: string) =>
      page.screenshot({
        path: test.info().outputPath(`reading-ranges-empty-${name}-${width}.png`),
        fullPage: true,
      });
    const noSideScroll = async () =>
      expect(
        await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth),
      ).toBeLessThanOrEqual(0);

    // The tab's table. No partner is a marketplace partner: nothing matches.
    await page.goto(`/p/${slug}/actions?timeframe=${AUTUMN}&timescale=week&marketplace=yes`);
    const table = page.getByRole("region", { name: "Actions by partner, type and value" });
    await expect(table).toContainText("No actions match these filters in this timeframe.");
    await noSideScroll();
    await shot("tab");
    await table.getByRole("link", { name: "Reset filters" }).click();
    await expect(page).toHaveURL(new RegExp(`timeframe=${AUTUMN}`));
    await expect(page).toHaveURL(/timescale=week/);
    await expect(page).not.toHaveURL(/marketplace/);
    // Three of the seeded actions fall on 1 Sep – 30 Nov (seedAutumn).
    await expect(page.getByTestId("tile-occurrences")).toHaveText("3");
    await expect(table.getByRole("link", { name: "Reset filters" })).toHaveCount(0);

    // The drill-down of one row: the row, its order and the period stay, the filter goes.
    await page.goto(
      `/p/${slug}/actions/occurrences?timeframe=${AUTUMN}&timescale=week&marketplace=yes&partner=ada&type=signup&drill_sort=value`,
    );
    const box = page.getByTestId("drill-table-box");
    await expect(box).toContainText("No actions match these filters in this timeframe.");
    await expect(page.getByTestId("drill-total")).toHaveText("0");
    await noSideScroll();
    await shot("drill-down");
    await box.getByRole("link", { name: "Reset filters" }).click();
    await expect(page).toHaveURL(new RegExp(`/actions/occurrences\\?.*timeframe=${AUTUMN}`));
    for (const kept of [/timescale=week/, /partner=ada/, /type=signup/, /drill_sort=value/])
      await expect(page).toHaveURL(kept);
    await expect(page).not.toHaveURL(/marketplace/);
    await expect(page.getByTestId("drill-total")).toHaveText("3");
    await expect(box.getByRole("link", { name: "Reset filters" })).toHaveCount(0);

    // The Partners directory: its order and the timeframe stay.
    await page.goto(`/p/${slug}/partners?timeframe=${AUTUMN}&marketplace=yes&sort=name&dir=asc`);
    await expect(page.getByText("No partners match these filters.")).toBeVisible();
    await noSideScroll();
    await shot("partners");
    await page.getByRole("link", { name: "Reset filters" }).click();
    await expect(page).toHaveURL(new RegExp(`/partners\\?.*timeframe=${AUTUMN}`));
    await expect(page).toHaveURL(/sort=name&dir=asc/);
    await expect(page).not.toHaveURL(/marketplace/);
    await expect(
      page.getByRole("link", { name: "Ada Lovelace" }).filter({ visible: true }),
    ).toHaveCount(1);
    await expect(page.getByRole("link", { name: "Reset filters" })).toHaveCount(0);

    // With only the period set, the period itself is empty: nothing to reset.
    const empty = "range_2025-01-01_2025-02-01";
    await page.goto(`/p/${slug}/actions?timeframe=${empty}`);
    await expect(table).toContainText("No actions in this timeframe.");
    await expect(table.getByRole("link", { name: "Reset filters" })).toHaveCount(0);
    await page.goto(`/p/${slug}/actions/occurrences?timeframe=${empty}&partner=ada`);
    await expect(box).toContainText("No actions in this timeframe.");
    await expect(box.getByRole("link", { name: "Reset filters" })).toHaveCount(0);
  });
}

test("the tab with a custom range at 390 px", async ({ page }) => {
  const { program, user } = await seedAutumn();
  await page.setViewportSize({ width: 390, height: 844 });
  await signIn(page, user.email, user.password);
  await page.goto(`/p/${program.slug}/actions?timeframe=${AUTUMN}`);
  await expect(page.getByText("Timeframe is in range 2025-09-01 – 2025-11-30:")).toBeVisible();
  await expect(page.getByTestId("tile-occurrences")).toHaveText("3");
  await page.screenshot({
    path: test.info().outputPath("reading-ranges-tab-390.png"),
    fullPage: true,
  });
  // The hint stays inside its tile on a phone: nothing scrolls sideways while it shows.
  const tile = page.getByRole("region", { name: "Total rewards", exact: true });
  await tile.getByText("vs previous period", { exact: true }).focus();
  await expect(tile.getByRole("tooltip")).toHaveText("Previous period: 2025-06-02 – 2025-08-31");
  const overflow = await tile.evaluate((el) => {
    const tip = el.querySelector('[role="tooltip"]')!.getBoundingClientRect();
    return { right: tip.right, width: window.innerWidth };
  });
  expect(overflow.right).toBeLessThanOrEqual(overflow.width);
  await page.screenshot({ path: test.info().outputPath("reading-ranges-previous-hint-390.png") });
});

for (const width of [1440, 390]) {
  test(`the API docs show this server's curl line and code as code at ${width} px`, async ({
    page,
    baseURL,
  }) => {
    await page.setViewportSize({ width, height: 900 });
    await page.goto("/docs/api");
    const curl = page.getByTestId("curl-example");
    await expect(curl).toContainText(`${baseURL}/api/v2/actions`);
    await expect(curl).not.toContainText("127.0.0.1:3000");
    const font = await curl.evaluate((el) => getComputedStyle(el).fontFamily);
    expect(font).toMatch(/mono/i);
    // The document's Markdown code marks are drawn as code, never as backticks.
    await expect(page.getByRole("main")).not.toContainText("`");
    await expect(page.locator("main p code", { hasText: "group_key" }).first()).toBeVisible();
    await page.screenshot({
      path: test.info().outputPath(`reading-ranges-api-docs-${width}.png`),
      fullPage: true,
    });
  });
}
