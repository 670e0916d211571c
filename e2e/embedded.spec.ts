import { expect, test } from "@playwright/test";
import { DEMO_LOGIN } from "../lib/seed/demo-programs";
import { signInWithForm } from "./support/sign-in";

// Runs against the server on embedded PGlite with the demo data, as `npm run demo` serves it.
test("the demo login lands on the Actions tab and can switch programs", async ({ page }) => {
  await signInWithForm(page, DEMO_LOGIN.email, DEMO_LOGIN.password);
  await expect(page).toHaveURL(/\/p\/acme\/actions$/);
  await expect(page.getByRole("heading", { name: "Actions", level: 1 })).toBeVisible();
  await expect(page.getByText("Times in America/New_York")).toBeVisible();
  await page.screenshot({ path: "artifacts/screenshots/demo-actions.png", fullPage: true });

  await page.getByRole("button", { name: /Switch program/ }).click();
  await page.getByRole("link", { name: /Globex Referrals/ }).click();
  await expect(page).toHaveURL(/\/p\/globex\/actions$/);
  await expect(page.getByText("Times in Europe/Berlin")).toBeVisible();
});
