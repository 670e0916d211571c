// Issue 26, items 1–3: the chart as people read it. Each action type keeps one colour on every
// view and on partner pages; a legend entry hides its series (in the URL, kept on reload and in
// the chart's CSV); periods are named ("Jan 2026", "Week of …"), the bucket under way "so far".
import { expect, test, type Locator, type Page, type TestInfo } from "@playwright/test";
import Papa from "papaparse";
import { SERIES_PALETTE } from "../lib/stats/chart/series-colors";
import { e2eDatabase, seedTabMember } from "./support/seed";
import { signIn } from "./support/sign-in";

type Fixture = Awaited<ReturnType<typeof seedTabMember>>;

const chart = (page: Page) => page.getByRole("region", { name: "Occurrences over time" });
const legend = (page: Page, type: string) =>
  chart(page)
    .getByRole("group", { name: /Series drawn/ })
    .getByRole("button", { name: type });

/**
 * The bars Recharts drew, by category: its layers (`.recharts-bar`, one per category, unnamed)
 * follow the order Tremor was given, which the chart writes in `data-categories`. Each bar above
 * zero with its bucket's place and the fill the browser paints it with.
 */
function drawnBars(page: Page) {
  return chart(page)
    .locator("[data-categories]")
    .evaluate((plot) => {
      const categories: string[] = JSON.parse(plot.getAttribute("data-categories")!);
      const layers = plot.querySelectorAll(".recharts-bar");
      // Recharts draws nothing until it has measured its box: no bars yet.
      if (layers.length === 0) return {};
      if (layers.length !== categories.length) throw new Error("a layer per category expected");
      const hex = (rgb: string) =>
        "#" +
        rgb
          .match(/\d+/g)!
          .slice(0, 3)
          .map((c) => Number(c).toString(16).padStart(2, "0").toUpperCase())
          .join("");
      return Object.fromEntries(
        categories.map((category, i) => [
          category,
          [...layers[i].querySelectorAll("rect")]
            .map((rect, bucket) => ({ bucket, rect }))
            .filter(({ rect }) => Number(rect.getAttribute("height")) > 0)
            .map(({ bucket, rect }) => ({ bucket, fill: hex(getComputedStyle(rect).fill) })),
        ]),
      );
    });
}

/** How many bars of a category are drawn, once the chart settles. */
const barCount = async (page: Page, category: string) =>
  (await drawnBars(page))[category]?.length ?? 0;

/** A bucket's label under the x-axis (the screen-reader table names periods too). */
const axisLabel = (page: Page, text: string) =>
  chart(page).locator(".recharts-xAxis").getByText(text, { exact: true });

/** Points at a bucket: above its axis label, inside the plot (Recharts answers the pointer). */
async function hoverBucket(page: Page, label: string) {
  // The mouse reaches only what is on screen: the filter bar can push the plot below the fold.
  await chart(page).locator(".recharts-cartesian-grid").scrollIntoViewIfNeeded();
  const tick = axisLabel(page, label);
  const [box, grid] = [
    await tick.boundingBox(),
    await chart(page).locator(".recharts-cartesian-grid").boundingBox(),
  ];
  await page.mouse.move(box!.x + box!.width / 2, grid!.y + grid!.height / 2);
}

/** The colour each type must have: the palette in the program's creation order (type ids). */
async function expectedColors(programId: number) {
  const { prisma } = await e2eDatabase();
  const types = await prisma.actionType.findMany({ where: { programId }, orderBy: { id: "asc" } });
  return new Map(types.map((t, i) => [t.name, SERIES_PALETTE[i]]));
}

/** The fill every drawn bar of a type has (one value, or the test fails). */
async function fillOf(page: Page, type: string) {
  await expect.poll(() => barCount(page, type)).toBeGreaterThan(0);
  const fills = (await drawnBars(page))[type].map((bar) => bar.fill);
  expect(new Set(fills).size).toBe(1);
  return fills[0];
}

/** A few actions of a type an hour ago: the bucket under way has a bar to draw lighter. */
async function seedRecentActions(f: Fixture, type: string, count: number) {
  const { prisma } = await e2eDatabase();
  const actionType = await prisma.actionType.findFirstOrThrow({
    where: { programId: f.program.id, name: type },
  });
  const partner = f.partners.find((p) => !p.archived)!;
  await prisma.action.createMany({
    data: Array.from({ length: count }, (_, i) => ({
      programId: f.program.id,
      key: `recent-${i}`,
      actionTypeId: actionType.id,
      targetType: "partnership" as const,
      partnershipId: partner.id,
      occurredAt: new Date(Date.now() - 3_600_000),
    })),
  });
}

/** The tooltip's lines as [type, count], in the order it lists them. */
async function tooltipLines(tooltip: Locator): Promise<[string, number][]> {
  const texts = await tooltip.getByRole("listitem").allTextContents();
  return texts.map((text) => {
    const [, type, count] = /^\s*(.*?)\s*([\d,]+)\s*$/.exec(text)!;
    return [type, Number(count.replace(/,/g, ""))];
  });
}

async function shoot(page: Page, testInfo: TestInfo, name: string) {
  const path = testInfo.outputPath(`${name}.png`);
  await page.screenshot({ path, fullPage: true });
  await testInfo.attach(name, { path, contentType: "image/png" });
}

/** The partner with the most live actions of a type: their page draws that type. */
function partnerWith(f: Fixture, type: string) {
  const counts = new Map<number, number>();
  for (const a of f.actions)
    if (a.type === type && !a.archived) counts.set(a.partnerId, (counts.get(a.partnerId) ?? 0) + 1);
  const [id] = [...counts].sort((a, b) => b[1] - a[1])[0];
  return f.partners.find((p) => p.id === id)!;
}

test.describe("at 1,440 px", () => {
  test.use({ viewport: { width: 1440, height: 1000 } });

  test("a type keeps its colour on two views and the partner page; the legend hides series in the URL", async ({
    page,
  }, testInfo) => {
    const f = await seedTabMember();
    await seedRecentActions(f, "signup", 3);
    const colors = await expectedColors(f.program.id);
    expect(new Set(colors.values()).size).toBe(colors.size);
    await signIn(page, f.user.email, f.user.password);
    const tab = `/p/${f.program.slug}/actions`;

    // View 1: every type, per month over the fixture's months and now.
    await page.goto(`${tab}?timeframe=range_2025-12-01_2027-01-01&timescale=month`);
    for (const type of ["signup", "demo", "upgrade"])
      expect(await fillOf(page, type)).toBe(colors.get(type));
    await expect(axisLabel(page, "Jan 2026")).toBeVisible();
    await expect(axisLabel(page, "Dec 2026 (so far)")).toBeVisible();
    await expect(chart(page)).toContainText("The lighter bar is Dec 2026 (so far).");
    // The bucket under way (the 13th) is drawn in a lighter tint of each type's colour: every
    // channel nearer white, none equal.
    const bars = await drawnBars(page);
    expect(bars["signup"].map((b) => b.bucket)).not.toContain(12);
    expect(bars["signup (so far)"]).toHaveLength(1);
    expect(bars["signup (so far)"][0].bucket).toBe(12);
    const channels = (hex: string) => [1, 3, 5].map((i) => parseInt(hex.slice(i, i + 2), 16));
    const full = channels(colors.get("signup")!);
    channels(bars["signup (so far)"][0].fill).forEach((c, i) => expect(c).toBeGreaterThan(full[i]));
    // The y-axis: 0 and four equal round steps (1, 2, 2.5 or 5 × 10ⁿ), the top at or above the
    // tallest month (New York months, counted here from the seed) and less than 2.5 times it.
    const month = new Intl.DateTimeFormat("en-CA", {
      timeZone: "America/New_York",
      year: "numeric",
      month: "2-digit",
    });
    const perMonth = new Map<string, number>();
    for (const a of f.actions.filter((a) => !a.archived)) {
      const key = month.format(a.occurredAt);
      perMonth.set(key, (perMonth.get(key) ?? 0) + 1);
    }
    const tallest = Math.max(...perMonth.values());
    const ticks = (
      await chart(page)
        .locator(".recharts-yAxis .recharts-cartesian-axis-tick-value")
        .allTextContents()
    ).map((t) => Number(t.replace(/,/g, "")));
    const step = ticks[1];
    expect(ticks).toEqual([0, 1, 2, 3, 4].map((k) => k * step));
    expect([1, 2, 2.5, 5]).toContain(step / 10 ** Math.floor(Math.log10(step) + 1e-9));
    expect(ticks[4]).toBeGreaterThanOrEqual(tallest);
    expect(ticks[4]).toBeLessThan(2.5 * tallest);
    // The tooltip names the period in full, largest series first, and the total.
    await hoverBucket(page, "Jan 2026");
    const tooltip = chart(page).getByTestId("chart-tooltip");
    await expect(tooltip).toContainText("Jan 2026");
    await expect(tooltip).toContainText("Total");
    const jan = f.actions.filter(
      (a) =>
        !a.archived &&
        a.occurredAt >= Date.parse("2026-01-01T05:00:00Z") &&
        a.occurredAt < Date.parse("2026-02-01T05:00:00Z"),
    );
    await expect(tooltip.locator("p").filter({ hasText: /^Total/ })).toHaveText(
      new RegExp(`^Total\\s*${jan.length.toLocaleString("en-US")}$`),
    );
    // Its lines: each type with actions in January and its count, largest first (the seed's
    // types are random, so equal counts may come in either order).
    const janByType = new Map<string, number>();
    for (const a of jan) janByType.set(a.type, (janByType.get(a.type) ?? 0) + 1);
    const janLines = await tooltipLines(tooltip);
    expect(new Map(janLines)).toEqual(janByType);
    const counts = janLines.map(([, n]) => n);
    expect(counts).toEqual([...counts].sort((a, b) => b - a));
    await shoot(page, testInfo, "reading-chart-tab-1440");
    // The keyboard reads the bars too: End goes to the last period, the one under way.
    await chart(page)
      .getByRole("group", { name: /arrow keys/ })
      .focus();
    await page.keyboard.press("End");
    await expect(tooltip).toContainText("Dec 2026 (so far)");
    // December holds the three signups of an hour ago only: demo and upgrade, drawn series with
    // nothing this month, are left out of the tooltip rather than listed at 0.
    expect(await tooltipLines(tooltip)).toEqual([["signup", 3]]);
    await page.keyboard.press("ArrowLeft");
    await expect(tooltip).toContainText("Nov 2026");
    await chart(page).screenshot({ path: testInfo.outputPath("reading-chart-tile-1440.png") });

    // View 2: another timeframe and timescale, without one type: the others keep their colours.
    const demoId = (
      await (
        await e2eDatabase()
      ).prisma.actionType.findFirstOrThrow({
        where: { programId: f.program.id, name: "demo" },
      })
    ).id;
    await page.goto(
      `${tab}?timeframe=range_2026-01-05_2026-03-02&timescale=week&action_type=${demoId}&action_type_op=exclude`,
    );
    for (const type of ["signup", "upgrade"])
      expect(await fillOf(page, type)).toBe(colors.get(type));
    expect(await barCount(page, "demo")).toBe(0);
    await hoverBucket(page, "5 Jan");
    await expect(chart(page).getByTestId("chart-tooltip")).toContainText("Week of 5 Jan 2026");

    // The partner page draws the same colour.
    const partner = partnerWith(f, "signup");
    await page.goto(
      `/p/${f.program.slug}/partners/${partner.key}?timeframe=any_time&timescale=month`,
    );
    expect(await fillOf(page, "signup")).toBe(colors.get("signup"));
    await shoot(page, testInfo, "reading-chart-partner-1440");

    // The legend: a click hides a series and writes it to the URL; numbers stay.
    await page.goto(`${tab}?timeframe=any_time&timescale=month`);
    const occurrences = await page.getByTestId("tile-occurrences").textContent();
    await expect(legend(page, "upgrade")).toHaveAttribute("aria-pressed", "true");
    await legend(page, "upgrade").click();
    await expect(legend(page, "upgrade")).toHaveAttribute("aria-pressed", "false");
    await expect(page).toHaveURL(/hidden=upgrade/);
    await expect.poll(() => barCount(page, "upgrade")).toBe(0);
    expect(await fillOf(page, "demo")).toBe(colors.get("demo"));
    await expect(page.getByTestId("tile-occurrences")).toHaveText(occurrences!);

    // Reloading (or sharing) the URL keeps it hidden; the keyboard shows it again.
    await page.reload();
    await expect(legend(page, "upgrade")).toHaveAttribute("aria-pressed", "false");
    await expect.poll(() => barCount(page, "upgrade")).toBe(0);
    expect(await fillOf(page, "signup")).toBe(colors.get("signup"));
    await legend(page, "upgrade").focus();
    await page.keyboard.press("Enter");
    expect(await fillOf(page, "upgrade")).toBe(colors.get("upgrade"));
    await expect(page).not.toHaveURL(/hidden=/);
    await page.keyboard.press("Space");
    await expect(page).toHaveURL(/hidden=upgrade/);

    // The chart's CSV link follows, and the file leaves the series out and says so.
    const csvLink = chart(page).locator('a[href*="/export/chart.csv"]');
    await expect(csvLink).toHaveAttribute("href", /hidden=upgrade/);
    const response = await page.request.get((await csvLink.getAttribute("href"))!);
    expect(response.status()).toBe(200);
    const rows = Papa.parse<string[]>((await response.text()).replace(/^\uFEFF/, ""), {
      skipEmptyLines: true,
    }).data;
    expect(rows[0]).toEqual([
      "Month starting (America/New_York)",
      "Period",
      "demo",
      "signup",
      "Total of shown series (hidden: upgrade)",
    ]);
    const shown = f.actions.filter((a) => !a.archived && a.type !== "upgrade").length + 3;
    expect(rows.slice(1).reduce((sum, r) => sum + Number(r[4]), 0)).toBe(shown);
    expect(rows.map((r) => r[1])).toContain("Jan 2026");
  });
});

test.describe("at 390 px", () => {
  test.use({ viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true });

  test("the chart, its legend and period names fit a phone, on the tab and a partner page", async ({
    page,
  }, testInfo) => {
    const f = await seedTabMember();
    await seedRecentActions(f, "demo", 2);
    await signIn(page, f.user.email, f.user.password);
    await page.goto(
      `/p/${f.program.slug}/actions?timeframe=range_2025-12-01_2027-01-01&timescale=month&hidden=demo`,
    );
    await expect(legend(page, "demo")).toHaveAttribute("aria-pressed", "false");
    await expect.poll(() => barCount(page, "signup")).toBeGreaterThan(0);
    expect(await barCount(page, "demo")).toBe(0);
    await expect(axisLabel(page, "Dec 2026 (so far)")).toBeVisible();
    await legend(page, "demo").tap();
    await expect.poll(() => barCount(page, "demo (so far)")).toBe(1);
    await expect(page).not.toHaveURL(/hidden=/);
    const wide = await page.evaluate(
      () => document.documentElement.scrollWidth > document.documentElement.clientWidth,
    );
    expect(wide).toBe(false);
    await shoot(page, testInfo, "reading-chart-tab-390");
    // Every series hidden: the chart says how to bring them back.
    for (const type of ["demo", "signup", "upgrade"]) {
      await legend(page, type).tap();
      await expect(legend(page, type)).toHaveAttribute("aria-pressed", "false");
    }
    await expect(chart(page)).toContainText("Every series is hidden");
    await expect(page).toHaveURL(/hidden=demo,signup,upgrade/);
    await legend(page, "signup").tap();
    await expect.poll(() => barCount(page, "signup")).toBeGreaterThan(0);
    await chart(page).screenshot({ path: testInfo.outputPath("reading-chart-tile-390.png") });

    const partner = partnerWith(f, "signup");
    await page.goto(
      `/p/${f.program.slug}/partners/${partner.key}?timeframe=any_time&timescale=week`,
    );
    await expect.poll(() => barCount(page, "signup")).toBeGreaterThan(0);
    await shoot(page, testInfo, "reading-chart-partner-390");
  });
});
