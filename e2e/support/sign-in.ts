import { expect, type Page } from "@playwright/test";

export async function fillSignIn(page: Page, email: string, password: string) {
  await expect(page.getByRole("heading", { name: "Sign in to Actionboard" })).toBeVisible();
  await page.getByLabel("Email").fill(email);
  await page.getByLabel("Password").fill(password);
  await page.getByRole("button", { name: "Sign in" }).click();
}

export async function signIn(page: Page, email: string, password: string) {
  await page.goto("/signin");
  await fillSignIn(page, email, password);
  await page.waitForURL((url) => url.pathname !== "/signin");
}
