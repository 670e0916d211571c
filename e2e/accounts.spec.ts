// The account page (issue 24), in Chromium: rename (the header follows at once), a new password
// (every other browser signed out, this one kept signed in), and "Sign out everywhere".
import { expect, test } from "@playwright/test";
import { seedApiMember } from "./support/seed";
import { signIn } from "./support/sign-in";

test("an account renames itself, changes its password and signs out everywhere", async ({
  page,
  browser,
}) => {
  const { user, program } = await seedApiMember("owner");
  await signIn(page, user.email, user.password);
  const otherContext = await browser.newContext();
  const other = await otherContext.newPage();
  await signIn(other, user.email, user.password);

  await page.goto(`/p/${program.slug}/actions`);
  await page.getByRole("button", { name: `Account: ${user.name}` }).click();
  await page.getByRole("link", { name: "Your account" }).click();
  await expect(page.getByRole("heading", { name: "Your account" })).toBeVisible();

  await page.getByLabel("Name", { exact: true }).fill("Renamed Person");
  await page.getByRole("button", { name: "Save", exact: true }).click();
  await expect(page.getByText("Saved.", { exact: true })).toBeVisible();
  await page.goto(`/p/${program.slug}/members`);
  await expect(page.getByRole("button", { name: "Account: Renamed Person" })).toBeVisible();

  // A new password: the wrong current one is refused; then the other browser is signed out.
  await page.goto("/account");
  await page.getByLabel("Current password", { exact: true }).last().fill("not-my-password");
  await page.getByLabel("New password", { exact: true }).fill("meadow-lantern-copper-39");
  await page.getByLabel("New password again").fill("meadow-lantern-copper-39");
  await page.getByRole("button", { name: "Change password" }).click();
  await expect(page.getByText("That is not your current password.")).toBeVisible();
  // Password fields are emptied after a refusal, as browsers expect.
  await page.getByLabel("Current password", { exact: true }).last().fill(user.password);
  await page.getByLabel("New password", { exact: true }).fill("meadow-lantern-copper-39");
  await page.getByLabel("New password again").fill("meadow-lantern-copper-39");
  await page.getByRole("button", { name: "Change password" }).click();
  await expect(page.getByText("Password changed.")).toBeVisible();
  await other.goto(`/p/${program.slug}/actions`);
  await expect(other).toHaveURL(/\/signin/);
  // This browser was signed in again with the new password.
  await expect
    .poll(async () =>
      (await page.request.get(`/p/${program.slug}/members`, { maxRedirects: 0 })).status(),
    )
    .toBe(200);

  // Sign out everywhere: the other browser signs in again, then both are signed out.
  await signIn(other, user.email, "meadow-lantern-copper-39");
  await page.goto("/account");
  page.once("dialog", (dialog) => dialog.accept());
  await page.getByRole("button", { name: "Sign out everywhere" }).click();
  await page.waitForURL(/\/signin/);
  await other.goto(`/p/${program.slug}/actions`);
  await expect(other).toHaveURL(/\/signin/);
  await otherContext.close();
});
