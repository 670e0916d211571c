// Alerts (issue 29, item 1): a manager makes an alert on a saved view from the form — a bad value
// is named beside its field and nothing is saved — sees it listed with its rule in words, and
// snoozes it, at 1,440 and 390 px. Firing, recovery and what moved are the vitest tests'
// (lib/alerts); the message's way through email to the Deliveries log is deliveries.spec.ts'.
import { expect, test } from "@playwright/test";
import { e2eDatabase, seedApiMember } from "./support/seed";
import { signIn } from "./support/sign-in";
import { overflow } from "./support/page-crawl";

for (const width of [1440, 390]) {
  test(`a manager makes an alert on a saved view and snoozes it, at ${width} px`, async ({
    page,
  }) => {
    await page.setViewportSize({ width, height: 900 });
    const f = await seedApiMember("manager");
    const { prisma } = await e2eDatabase();
    const view = await prisma.savedView.create({
      data: {
        programId: f.program.id,
        userId: f.user.id,
        name: "Signups this month",
        query: "timeframe=this_month",
      },
    });
    await signIn(page, f.user.email, f.user.password);
    await page.goto(`/p/${f.program.slug}/alerts?view=${view.id}`);
    await expect(page.getByRole("heading", { name: "Alerts", level: 1 })).toBeVisible();
    await expect(page.getByText("No alerts yet.")).toBeVisible();
    const form = page.getByRole("form", { name: "New alert" });
    await expect(form.getByLabel("Saved view")).toHaveValue(String(view.id));

    await form.getByLabel("Number").selectOption({ label: "One action type’s occurrences" });
    await form.getByLabel("Action type").selectOption({ label: "signup_completed" });
    await form.getByLabel("For", { exact: true }).selectOption({ label: "Each partner" });
    await form.getByLabel("Fires when it is").selectOption({ label: "Above a value" });
    await form.getByLabel("Checked").selectOption({ label: "Every hour" });
    await expect(form.getByLabel("Recipients")).toHaveValue(f.user.email);
    // No value: refused beside its field, nothing stored.
    await form.getByRole("button", { name: "Save alert" }).click();
    await expect(form.getByRole("alert")).toHaveText("Give the number to compare with");
    expect(await prisma.alert.count({ where: { programId: f.program.id } })).toBe(0);

    await form.getByLabel("Value").fill("25");
    await form.getByLabel("Value").press("Enter");
    await expect(form.getByRole("status")).toContainText("Alert saved. First check");
    const rows = page.getByRole("table", { name: "Alerts" }).getByRole("row");
    const row = rows.filter({ hasText: "Signups this month" });
    await expect(row).toContainText(
      "signup_completed occurrences of each partner above 25, checked every hour",
    );
    await expect(row).toContainText("In range");
    const stored = await prisma.alert.findFirstOrThrow({ where: { programId: f.program.id } });
    const type = await prisma.actionType.findFirstOrThrow({
      where: { programId: f.program.id, name: "signup_completed" },
    });
    expect(stored).toMatchObject({
      savedViewId: view.id,
      metric: "type",
      actionTypeId: type.id,
      per: "partner",
      condition: "above",
      threshold: 25,
      frequency: "hourly",
      channel: "email",
      recipients: [f.user.email],
    });
    // The first check is the next hour (:00 in New York).
    expect(stored.nextCheckAt.getTime()).toBeGreaterThan(Date.now());
    expect(stored.nextCheckAt.getTime() - Date.now()).toBeLessThanOrEqual(3_600_000);
    expect(stored.nextCheckAt.getUTCMinutes()).toBe(0);

    // Snoozed for a day, from the keyboard.
    await row.getByLabel("Snooze the alert on “Signups this month” for").selectOption("1d");
    await row.getByRole("button", { name: "Snooze" }).focus();
    await page.keyboard.press("Enter");
    await expect(row.getByRole("status")).toContainText("Snoozed until");
    await expect(row).toContainText("Snoozed until");
    const snoozed = await prisma.alert.findFirstOrThrow({ where: { programId: f.program.id } });
    expect(snoozed.snoozedUntil!.getTime() - Date.now()).toBeGreaterThan(86_000_000);
    expect((await overflow(page)).scrollWidth).toBeLessThanOrEqual(width);
  });
}

test("on a phone, a webhook alert's whole URL shows in its card", async ({ page }) => {
  await page.setViewportSize({ width: 390, height: 844 });
  const f = await seedApiMember("manager");
  const { prisma } = await e2eDatabase();
  const view = await prisma.savedView.create({
    data: { programId: f.program.id, userId: f.user.id, name: "Everything", query: "" },
  });
  await signIn(page, f.user.email, f.user.password);
  await page.goto(`/p/${f.program.slug}/alerts?view=${view.id}`);
  const form = page.getByRole("form", { name: "New alert" });
  await form.getByLabel("Webhook", { exact: true }).check();
  const url = "https://hooks.partner-agency.example/actionboard/alerts/incoming";
  await form.getByLabel("Webhook URL").fill(url);
  await form.getByRole("button", { name: "Save alert" }).click();
  await expect(form.getByRole("status")).toContainText("Alert saved");
  // Managers see the whole URL: wrapped inside the card, not cut at its edge.
  const shown = page.getByRole("table", { name: "Alerts" }).getByText(url, { exact: true });
  await expect(shown).toBeVisible();
  const [text, card] = await Promise.all([
    shown.boundingBox(),
    page.getByRole("table", { name: "Alerts" }).boundingBox(),
  ]);
  expect(text!.x + text!.width).toBeLessThanOrEqual(card!.x + card!.width);
  expect((await overflow(page)).scrollWidth).toBeLessThanOrEqual(390);
});
