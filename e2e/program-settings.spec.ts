// Programs (issue 24): an owner creates a program with the shared form, renames its slug (an old
// link keeps working, path and query), changes its zone after the note says what that does, then
// deletes it and lands on their other program.
import { randomBytes } from "node:crypto";
import { expect, test } from "@playwright/test";
import { seriousAxeViolations } from "./support/axe";
import { seedMember } from "./support/seed";
import { signIn } from "./support/sign-in";

test("an owner creates a program, moves its slug, follows an old link, then deletes it", async ({
  page,
}) => {
  const { user, program: first } = await seedMember("owner");
  await signIn(page, user.email, user.password);
  await page.goto(`/p/${first.slug}/actions`);

  await page.getByRole("button", { name: /Switch program/ }).click();
  await page.getByRole("link", { name: "New program…" }).click();
  await expect(page.getByRole("heading", { name: "New program" })).toBeVisible();

  const tag = randomBytes(3).toString("hex");
  await page.getByLabel("Program name").fill(`Launch ${tag} EU`);
  // The slug follows the name; the zone starts as the browser's.
  await expect(page.getByLabel("Slug")).toHaveValue(`launch-${tag}-eu`);
  const browserZone = await page.evaluate(() => Intl.DateTimeFormat().resolvedOptions().timeZone);
  await expect(page.getByLabel("Time zone")).toHaveValue(browserZone);
  await page.getByLabel("Time zone").fill("Europe/Berlin");
  await page.getByLabel("Currency").fill("EUR");
  expect(await seriousAxeViolations(page)).toEqual([]);
  await page.getByRole("button", { name: "Create program" }).click();
  await expect(page).toHaveURL(new RegExp(`/p/launch-${tag}-eu/actions$`));

  await page.getByRole("link", { name: "Settings" }).click();
  await expect(page.getByRole("heading", { name: "Settings" })).toBeVisible();
  expect(await seriousAxeViolations(page)).toEqual([]);
  const moved = `moved-${tag}`;
  await page.getByLabel("Slug").fill(moved);
  await page.getByRole("button", { name: "Save settings" }).click();
  await expect(page).toHaveURL(new RegExp(`/p/${moved}/settings\\?saved=1$`));
  await expect(page.getByRole("status")).toHaveText("Settings saved.");
  await expect(page.getByText(`/p/launch-${tag}-eu`)).toBeVisible();

  // An old link, with its path and query.
  await page.goto(`/p/launch-${tag}-eu/actions?timeframe=past_7_days`);
  await expect(page).toHaveURL(new RegExp(`/p/${moved}/actions\\?timeframe=past_7_days$`));

  // A new zone: the note names both zones and must be confirmed.
  await page.goto(`/p/${moved}/settings`);
  await page.getByLabel("Time zone").fill("Asia/Tokyo");
  const note = page.getByRole("note");
  await expect(note).toContainText("from Europe/Berlin to Asia/Tokyo re-buckets every number");
  await note.getByLabel("Count in Asia/Tokyo from now on").check();
  await page.getByRole("button", { name: "Save settings" }).click();
  await expect(page.getByRole("status")).toHaveText("Settings saved.");
  await page.reload();
  await expect(page.getByLabel("Time zone")).toHaveValue("Asia/Tokyo");

  // Deleting takes the slug typed exactly.
  const confirm = page.getByLabel(`Type ${moved} to confirm`);
  const remove = page.getByRole("button", { name: "Delete program" });
  await confirm.fill(`launch-${tag}-eu`);
  await expect(remove).toBeDisabled();
  await confirm.fill(moved);
  await remove.click();
  await expect(page).toHaveURL(new RegExp(`/p/${first.slug}/actions$`));
  for (const gone of [`/p/${moved}/actions`, `/p/launch-${tag}-eu/actions`]) {
    expect((await page.request.get(gone, { maxRedirects: 0 })).status(), gone).toBe(404);
  }
});
