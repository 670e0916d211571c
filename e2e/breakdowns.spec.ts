// Issue 28, item 2: breakdowns. A manager stacks the chart by partner group and groups the table's
// rows by tag; the choices live in the URL, so a teammate opening the shared link sees the same
// view; a row's count opens its actions; the table's CSV is grouped the same way; on a phone the
// grouped rows are cards with their numbers on the screen.
import { readFile } from "node:fs/promises";
import { expect, test, type Page } from "@playwright/test";
import Papa from "papaparse";
import { addMember, createProgram, createUser } from "../lib/testing/factories";
import { analyticsCaughtUp, e2eDatabase } from "./support/seed";
import { signIn } from "./support/sign-in";

const RANGE = "timeframe=range_2026-03-01_2026-03-31&compare=none";
/** Partners: group, tags and sign-ups in March 2026. */
const PARTNERS = [
  { key: "ada", group: "Gold", tags: ["Blog"], signups: 3 },
  { key: "bob", group: "Gold", tags: ["Blog", "Video"], signups: 2 },
  { key: "cy", group: "Silver", tags: [], signups: 4 },
];

async function seedProgram() {
  const { prisma } = await e2eDatabase();
  const program = await createProgram(prisma, { timezone: "UTC", name: "Breakdowns" });
  const owner = await createUser(prisma);
  const teammate = await createUser(prisma);
  await addMember(prisma, program.id, owner.id, "owner");
  await addMember(prisma, program.id, teammate.id, "viewer");
  const programId = program.id;
  const groups: Record<string, number> = {};
  for (const name of ["Gold", "Silver"])
    groups[name] = (
      await prisma.group.create({ data: { programId, key: name, name, slug: name } })
    ).id;
  const tags: Record<string, number> = {};
  for (const name of ["Blog", "Video"])
    tags[name] = (await prisma.tag.create({ data: { programId, name } })).id;
  const type = await prisma.actionType.create({ data: { programId, name: "signup" } });
  let n = 0;
  for (const p of PARTNERS) {
    const partnership = await prisma.partnership.create({
      data: {
        programId,
        partnerKey: p.key,
        firstName: p.key[0].toUpperCase() + p.key.slice(1),
        lastName: "Break",
        email: `${p.key}@mail.test`,
        groupId: groups[p.group],
      },
    });
    for (const tag of p.tags)
      await prisma.partnershipTag.create({
        data: { programId, partnershipId: partnership.id, tagId: tags[tag] },
      });
    for (let i = 0; i < p.signups; i++)
      await prisma.action.create({
        data: {
          programId,
          key: `bd-${n++}`,
          actionTypeId: type.id,
          targetType: "partnership",
          partnershipId: partnership.id,
          occurredAt: new Date(`2026-03-${String(2 + i * 3).padStart(2, "0")}T12:00:00Z`),
          rewardCents: 500,
        },
      });
  }
  await analyticsCaughtUp(programId);
  return { program, owner, teammate };
}

const grouped = (page: Page) =>
  page.getByRole("region", { name: "Actions by partner tag" }).getByRole("table");
const rowOf = (page: Page, label: string) =>
  grouped(page)
    .getByRole("row")
    .filter({ has: page.getByRole("cell", { name: label, exact: true }) });

test("a breakdown chosen on the chart and the table, shared by URL, drilled and downloaded", async ({
  page,
  browser,
}) => {
  const { program, owner, teammate } = await seedProgram();
  await page.setViewportSize({ width: 1440, height: 900 });
  await signIn(page, owner.email, owner.password);
  await page.goto(`/p/${program.slug}/actions?${RANGE}`);

  // The chart, stacked by partner group: one legend entry per group.
  await page.getByLabel("Stack by").selectOption({ label: "Partner group" });
  await expect(page).toHaveURL(/stack_by=group/);
  const legend = page.getByRole("group", { name: /Series drawn/ });
  await expect(legend.getByRole("button")).toHaveText(["Gold", "Silver"]);
  await expect(page.getByText(/stacked by partner group/)).toBeVisible();

  // The table, its rows grouped by tag: Bob counts under both of his tags, Cy under none.
  await page.getByLabel("Group rows by").selectOption({ label: "Partner tag" });
  await expect(page).toHaveURL(/rows_by=tag/);
  await expect(grouped(page).getByRole("columnheader").first()).toContainText("Partner tag");
  await expect(rowOf(page, "Blog").getByRole("cell").nth(1)).toHaveText("5");
  await expect(rowOf(page, "Video").getByRole("cell").nth(1)).toHaveText("2");
  await expect(rowOf(page, "No tag").getByRole("cell").nth(1)).toHaveText("4");
  await page.screenshot({ path: test.info().outputPath("breakdowns-1440.png"), fullPage: true });

  // A teammate opens the shared link: the same stack, the same rows.
  const shared = page.url();
  const other = await browser.newPage({ viewport: { width: 1440, height: 900 } });
  await signIn(other, teammate.email, teammate.password);
  await other.goto(shared);
  await expect(other.getByLabel("Stack by")).toHaveValue("group");
  await expect(other.getByLabel("Group rows by")).toHaveValue("tag");
  await expect(other.getByRole("group", { name: /Series drawn/ }).getByRole("button")).toHaveText([
    "Gold",
    "Silver",
  ]);
  await expect(rowOf(other, "Blog").getByRole("cell").nth(1)).toHaveText("5");
  await other.close();

  // The table's CSV is grouped the same way.
  const summary = page.getByLabel("Download Actions by partner tag", { exact: true });
  await summary.click();
  const [download] = await Promise.all([
    page.waitForEvent("download"),
    page
      .locator("details", { has: summary })
      .getByRole("link", { name: "CSV", exact: true })
      .click(),
  ]);
  const csv = Papa.parse<string[]>((await readFile((await download.path())!, "utf8")).trim()).data;
  expect(csv[0][0]).toBe("Partner tag");
  expect(csv.slice(1).map((r) => r.slice(0, 2))).toEqual([
    ["Blog", "5"],
    ["No tag", "4"],
    ["Video", "2"],
  ]);

  // A row's count opens its actions, and the way back keeps the breakdowns.
  await rowOf(page, "Video")
    .getByRole("link", { name: /2 occurrences/ })
    .click();
  await expect(page).toHaveURL(/by=tag&by_key=/);
  await expect(page.getByTestId("drill-total")).toHaveText("2");
  await expect(page.getByTestId("drill-selection")).toContainText("Partner tag Video");
  await page.getByRole("link", { name: "← Back to the Actions tab" }).click();
  await expect(page).toHaveURL(/rows_by=tag/);
  await expect(page).toHaveURL(/stack_by=group/);

  // The Occurrences tile's drill-down, and back: the breakdowns are still chosen.
  await page.getByRole("link", { name: "9 occurrences: show the actions" }).click();
  await expect(page.getByTestId("drill-total")).toHaveText("9");
  await page.getByRole("link", { name: "← Back to the Actions tab" }).click();
  await expect(page.getByLabel("Group rows by")).toHaveValue("tag");
  await expect(page.getByLabel("Stack by")).toHaveValue("group");
});

test("on a phone @one-engine", async ({ page }) => {
  const { program, owner } = await seedProgram();
  await page.setViewportSize({ width: 390, height: 844 });
  await signIn(page, owner.email, owner.password);
  await page.goto(`/p/${program.slug}/actions?${RANGE}&stack_by=group&rows_by=tag`);
  const cards = page.getByRole("list", { name: "Rows of the table" });
  await expect(cards.getByRole("listitem").filter({ hasText: "Blog" })).toContainText("5");
  await expect(cards.getByRole("listitem").filter({ hasText: "No tag" })).toContainText("4");
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
  await page.screenshot({ path: test.info().outputPath("breakdowns-390.png"), fullPage: true });
});
