// Rules tried on history (issue 28, item 5): a manager drafts a rule on the reward rules page,
// sees today's rewards against the change's, and downloads the CSV whose rows sum to the shown
// difference — on a wide screen and a phone (no sideways scroll), by keyboard where it counts.
import { readFile } from "node:fs/promises";
import Papa from "papaparse";
import { expect, test, type Page } from "@playwright/test";
import { seedTabMember } from "./support/seed";
import { signIn } from "./support/sign-in";

/** "+$1,234.50" or "−$3" as signed cents. */
function cents(text: string): number {
  const negative = /^[−-]/.test(text.trim());
  const [units, fraction = "0"] = text.replace(/[^\d.]/g, "").split(".");
  const abs = Number(units) * 100 + Number(fraction.padEnd(2, "0"));
  return negative ? -abs : abs;
}

async function tryADraft(page: Page, phone = false) {
  const { user, program } = await seedTabMember("manager");
  await signIn(page, user.email, user.password);
  await page.goto(`/p/${program.slug}/reward-rules`);
  await page.getByRole("link", { name: "Try on history" }).click();
  await expect(page.getByRole("heading", { name: "Try a rule change on history" })).toBeVisible();
  await expect(page.getByText(/then press “Try on history”/)).toBeVisible();
  // The tab's own timeframe parameter: the same URL means the same actions.
  await page.goto(`/p/${program.slug}/reward-rules/try?timeframe=any_time`);

  // A refusal names its field.
  const form = page.getByRole("form", { name: "Your change" });
  await form.getByLabel("Action type").selectOption("signup");
  await form.getByLabel("Amount per action").fill("2.5x");
  await form.getByRole("button", { name: "Try on history" }).click();
  await expect(page.getByText("Amount must be a number with at most 2 decimals")).toBeVisible();
  await expect(form.getByLabel("Amount per action")).toHaveAttribute("aria-invalid", "true");

  await form.getByLabel("Amount per action").fill("2.50");
  await form.getByLabel("Multiply the amount by the action value").check();
  // Enter in a field submits the form: the keyboard alone tries a draft.
  await form.getByLabel("Amount per action").press("Enter");
  const difference = page.getByTestId("replay-difference");
  await expect(difference).toContainText("+$");
  await expect(page).toHaveURL(/timeframe=any_time.*change=add|change=add.*timeframe=any_time/);

  const shown = cents((await difference.locator("dd").textContent()) ?? "");
  const today = cents((await page.getByTestId("replay-today").locator("dd").textContent()) ?? "");
  const draft = cents((await page.getByTestId("replay-draft").locator("dd").textContent()) ?? "");
  expect(draft - today).toBe(shown);
  await expect(page.getByTestId("replay-affected")).toContainText(/\d+ of \d+/);
  // Phones list partners as cards, the difference on the right; wide screens as a table.
  if (phone) {
    const cards = page.getByRole("list", { name: "By partner" });
    await expect(cards.getByRole("listitem").first()).toContainText("+$");
  } else {
    await expect(page.getByRole("table", { name: "By partner" })).toBeVisible();
  }

  const [download] = await Promise.all([
    page.waitForEvent("download"),
    page.getByRole("link", { name: /Download the difference per partner/ }).click(),
  ]);
  const text = (await readFile(await download.path())).toString("utf8").replace(/^\uFEFF/, "");
  const [header, ...rows] = Papa.parse<string[]>(text.trim()).data;
  expect(header.at(-1)).toBe("Difference");
  expect(rows.length).toBeGreaterThan(0);
  const sum = rows.reduce((total, row) => total + cents(row.at(-1)!), 0);
  expect(sum).toBe(shown);
  return program;
}

test.describe("at 1,440 px", () => {
  test.use({ viewport: { width: 1440, height: 900 } });

  test("a manager tries a new rule on history and downloads the difference per partner", async ({
    page,
  }) => {
    await tryADraft(page);
    await page.screenshot({ path: "artifacts/screenshots/rule-replay-1440.png", fullPage: true });
  });
});

test.describe("at 390 px @one-engine", () => {
  test.use({ viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true });

  test("the same on a phone, without sideways scroll", async ({ page }) => {
    await tryADraft(page, true);
    const { scrollWidth, clientWidth } = await page.evaluate(() => ({
      scrollWidth: document.documentElement.scrollWidth,
      clientWidth: document.documentElement.clientWidth,
    }));
    expect(scrollWidth).toBeLessThanOrEqual(clientWidth);
    await page.screenshot({ path: "artifacts/screenshots/rule-replay-390.png", fullPage: true });
  });
});
