import { expect, type Page } from "@playwright/test";

export async function fillSignIn(page: Page, email: string, password: string) {
  await expect(page.getByRole("heading", { name: "Sign in to Actionboard" })).toBeVisible();
  await page.getByLabel("Email").fill(email);
  await page.getByLabel("Password").fill(password);
  await page.getByRole("button", { name: "Sign in" }).click();
}

/**
 * Signs in as a person does: the sign-in page, its form, and the page it lands on. For the specs
 * about signing in and where it lands (sign-in, embedded demo, first run, security headers).
 */
export async function signInWithForm(page: Page, email: string, password: string) {
  await page.goto("/signin");
  await fillSignIn(page, email, password);
  await page.waitForURL((url) => url.pathname !== "/signin");
}

/**
 * Signs the page's browser context in through the same endpoint the form posts to (next-auth's
 * credentials callback, with its CSRF token), without rendering the sign-in page and the page it
 * lands on: most specs start on a page of their own. The cookie lands in the context's jar, so the
 * next `page.goto` is signed in. signInWithForm covers the form itself.
 */
export async function signIn(page: Page, email: string, password: string) {
  const csrf = await page.request.get("/api/auth/csrf");
  expect(csrf.ok(), "GET /api/auth/csrf").toBe(true);
  const { csrfToken } = (await csrf.json()) as { csrfToken: string };
  const answer = await page.request.post("/api/auth/callback/credentials", {
    form: { csrfToken, email, password, json: "true" },
    maxRedirects: 0,
  });
  expect(answer.status(), `sign-in of ${email}: ${await answer.text()}`).toBeLessThan(400);
  const cookies = await page.context().cookies();
  expect(
    cookies.some((c) => c.name.endsWith("next-auth.session-token")),
    `no session cookie after signing in ${email}`,
  ).toBe(true);
}
