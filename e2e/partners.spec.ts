import AxeBuilder from "@axe-core/playwright";
import { expect, test, type Page } from "@playwright/test";
import Papa from "papaparse";
import { seedTabMember } from "./support/seed";
import { signIn } from "./support/sign-in";

type Fixture = Awaited<ReturnType<typeof seedTabMember>>;

/** Each partner's live actions and rewards at any time, from the fixture's model. */
function modelNumbers(f: Fixture) {
  const out = new Map(f.partners.map((p) => [p.id, { actions: 0, rewardCents: 0 }]));
  for (const a of f.actions) {
    if (a.archived) continue;
    const n = out.get(a.partnerId)!;
    n.actions += 1;
    n.rewardCents += a.rewardCents;
  }
  return out;
}

const fmt = (n: number) => n.toLocaleString("en-US");
/** The fixture's rewards are whole dollars: every amount shows without cents ("$1,200"). */
const money = (cents: number) => {
  expect(cents % 100).toBe(0);
  return `$${(cents / 100).toLocaleString("en-US")}`;
};
const directory = (page: Page) => page.getByRole("table");
/** The partner names of the directory's rows, top to bottom. */
const shownNames = (page: Page) =>
  directory(page).locator("tbody tr th").getByRole("link").allTextContents();

test("the directory lists every partner with their numbers, sorts, searches and downloads in screen order", async ({
  page,
}) => {
  const f = await seedTabMember();
  const numbers = modelNumbers(f);
  await signIn(page, f.user.email, f.user.password);
  await page.goto(`/p/${f.program.slug}/partners?timeframe=any_time`);
  await expect(page.getByRole("heading", { name: "Partners", level: 1 })).toBeVisible();

  // Default order: most actions first, ties by id.
  const byActions = [...f.partners].sort(
    (a, b) => numbers.get(b.id)!.actions - numbers.get(a.id)!.actions || a.id - b.id,
  );
  await expect.poll(() => shownNames(page)).toEqual(byActions.map((p) => p.name));
  for (const p of f.partners) {
    const row = directory(page).getByRole("row").filter({ hasText: p.email });
    await expect(row.getByRole("cell").nth(5)).toHaveText(fmt(numbers.get(p.id)!.actions));
    await expect(row.getByRole("cell").nth(6)).toHaveText(money(numbers.get(p.id)!.rewardCents));
  }
  expect((await new AxeBuilder({ page }).analyze()).violations).toEqual([]);

  // Name A–Z from its header; the URL carries it.
  await directory(page).getByRole("link", { name: /^Name/ }).click();
  await expect(page).toHaveURL(/sort=name&dir=asc/);
  const byName = [...f.partners].sort((a, b) =>
    a.name < b.name ? -1 : a.name > b.name ? 1 : a.id - b.id,
  );
  await expect.poll(() => shownNames(page)).toEqual(byName.map((p) => p.name));

  // One search, the filter bar's: part of a name, any case.
  await expect(page.getByRole("search")).toHaveCount(0);
  await page.getByLabel("Partner name contains").fill("ADA");
  await page.getByRole("button", { name: /Reload with the changed filters/ }).click();
  await expect(page).toHaveURL(/name=ADA/);
  const found = byName.filter((p) => p.name.toLowerCase().includes("ada"));
  expect(found.length).toBeGreaterThan(1);
  await expect.poll(() => shownNames(page)).toEqual(found.map((p) => p.name));
  await expect(page.getByText(`${found.length} of ${found.length} partners`)).toBeVisible();

  // The CSV holds the same rows in the same order, with the same numbers.
  const href = await page.getByRole("link", { name: "Download CSV" }).getAttribute("href");
  const response = await page.request.get(href!);
  expect(response.status()).toBe(200);
  expect(response.headers()["content-disposition"]).toMatch(
    /_partners_[a-z0-9-]+_\d{4}-\d\d-\d\d\.csv/,
  );
  const [header, ...rows] = Papa.parse<string[]>((await response.text()).replace(/^\uFEFF/, ""), {
    skipEmptyLines: true,
  }).data;
  expect(header.slice(0, 3)).toEqual(["Partner name", "Partner email", "Partner key"]);
  expect(rows.map((r) => r[0])).toEqual(found.map((p) => p.name));
  expect(rows.map((r) => Number(r[7]))).toEqual(found.map((p) => numbers.get(p.id)!.actions));

  // Filters use the tab's URL keys and parser: a group, and a bad value explained.
  const group = f.groups[0];
  await page.goto(`/p/${f.program.slug}/partners?timeframe=any_time&group=${group.id}&sort=nope`);
  await expect(page.getByText(/Sort: “nope” is not a valid value/)).toBeVisible();
  const inGroup = byActions.filter((p) => p.groupId === group.id);
  await expect.poll(() => shownNames(page)).toEqual(inGroup.map((p) => p.name));
  await page.screenshot({ path: "artifacts/screenshots/partners.png", fullPage: true });

  // A name opens the partner's page in the directory's timeframe.
  await directory(page).getByRole("link", { name: inGroup[0].name, exact: true }).click();
  await expect(page).toHaveURL(new RegExp(`/partners/${inGroup[0].key}\\?timeframe=any_time$`));
  await expect(page.getByRole("heading", { name: inGroup[0].name, level: 1 })).toBeVisible();

  // The tab's filter bar (no timescale here): new filters start from the first page.
  await page.goto(`/p/${f.program.slug}/partners?timeframe=any_time&after=${byActions[0].id}`);
  await expect(page.getByText("(a later page)")).toBeVisible();
  await expect(page.getByLabel("Timescale")).toHaveCount(0);
  await page.getByLabel("Is marketplace").selectOption("yes");
  await page.getByRole("button", { name: /Reload with the changed filters/ }).click();
  await expect(page).toHaveURL(/marketplace=yes/);
  expect(new URL(page.url()).searchParams.get("after")).toBeNull();
  const marketplace = byActions.filter((p) => p.marketplace);
  await expect.poll(() => shownNames(page)).toEqual(marketplace.map((p) => p.name));
});

test("a partner page shows their numbers, and its counts drill down to the same actions", async ({
  page,
}) => {
  const f = await seedTabMember();
  const numbers = modelNumbers(f);
  const partner = [...f.partners].sort(
    (a, b) => numbers.get(b.id)!.actions - numbers.get(a.id)!.actions,
  )[0];
  await signIn(page, f.user.email, f.user.password);

  // From the Actions tab's table, the partner's name opens their page in the tab's timeframe.
  await page.goto(`/p/${f.program.slug}/actions?timeframe=any_time`);
  await page
    .getByRole("region", { name: "Actions by partner, type and value" })
    .getByRole("link", { name: partner.name, exact: true })
    .first()
    .click();
  await expect(page).toHaveURL(new RegExp(`/partners/${partner.key}\\?timeframe=any_time$`));
  await expect(page.getByRole("heading", { name: partner.name, level: 1 })).toBeVisible();

  await page.goto(`/p/${f.program.slug}/partners/${partner.key}?timeframe=any_time`);
  const table = page.getByRole("region", { name: "Actions by type and value" });
  const total = numbers.get(partner.id)!;
  await expect(table.locator("tfoot")).toContainText(fmt(total.actions));
  await expect(table.locator("tfoot")).toContainText(money(total.rewardCents));
  const rewards = page.getByRole("region", { name: "Rewards by status" });
  await expect(rewards.getByRole("row", { name: /pending/i })).toContainText(
    money(total.rewardCents),
  );
  expect((await new AxeBuilder({ page }).analyze()).violations).toEqual([]);
  await page.screenshot({ path: "artifacts/screenshots/partner-page.png", fullPage: true });

  await table.locator("tfoot").getByRole("link").click();
  await expect(page).toHaveURL(/\/actions\/occurrences\?/);
  await expect(page.getByTestId("drill-total")).toHaveText(fmt(total.actions));

  for (const key of ["no-such-partner", "%00", "x".repeat(300)]) {
    const response = await page.goto(`/p/${f.program.slug}/partners/${key}`);
    expect(response!.status(), key).toBe(404);
    await expect(page.getByText("There is nothing at this address")).toBeVisible();
  }
});
