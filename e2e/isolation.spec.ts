import { expect, test } from "@playwright/test";
import { seedMember, seedProgram } from "./support/seed";
import { signIn, signInWithForm } from "./support/sign-in";

test("a member of one program gets 403 on another program's URLs", async ({ page }) => {
  const { user, program } = await seedMember();
  const other = await seedProgram();
  // Signing in lands on the member's own program.
  await signInWithForm(page, user.email, user.password);
  await expect(page).toHaveURL(new RegExp(`/p/${program.slug}/actions$`));

  for (const path of ["actions?timeframe=any_time", "partners", "api-keys"]) {
    const response = await page.goto(`/p/${other.slug}/${path}`);
    expect(response?.status(), path).toBe(403);
    await expect(
      page.getByRole("heading", { name: "You are not a member of this program" }),
    ).toBeVisible();
    await expect(page.getByText(other.name)).toHaveCount(0);
  }

  const own = await page.goto(`/p/${program.slug}/actions`);
  expect(own?.status()).toBe(200);
});

test("an unknown program is a 404, not a crash", async ({ page }) => {
  const { user } = await seedMember();
  await signIn(page, user.email, user.password);
  const response = await page.goto("/p/no-such-program/actions");
  expect(response?.status()).toBe(404);
  await expect(
    page.getByRole("heading", { name: "There is nothing at this address" }),
  ).toBeVisible();
});
