import { expect, test } from "@playwright/test";
import { seedMember } from "./support/seed";
import { fillSignIn } from "./support/sign-in";

test("a shared URL opened while signed out returns there, query string included", async ({
  page,
}) => {
  const { user, program } = await seedMember();
  const shared = `/p/${program.slug}/actions?timeframe=past_7_days&group=affiliates&group=resellers`;

  await page.goto(shared);
  await expect(page).toHaveURL(/\/signin\?callbackUrl=/);
  await fillSignIn(page, user.email, user.password);

  await page.waitForURL((url) => url.pathname === `/p/${program.slug}/actions`);
  expect(new URL(page.url()).search).toBe(
    "?timeframe=past_7_days&group=affiliates&group=resellers",
  );
  await expect(page.getByRole("heading", { name: "Actions", level: 1 })).toBeVisible();
  await expect(
    page.getByRole("button", { name: `Program: ${program.name}. Switch program` }),
  ).toBeVisible();
  await page.screenshot({
    path: "artifacts/screenshots/actions-after-sign-in.png",
    fullPage: true,
  });
});

test("a wrong password is refused with a message and nothing opens", async ({ page }) => {
  const { user, program } = await seedMember();
  await page.goto(`/p/${program.slug}/actions`);
  await fillSignIn(page, user.email, `${user.password}-wrong`);
  await expect(
    page.getByRole("alert").filter({ hasText: "Wrong email or password." }),
  ).toBeVisible();
  await expect(page).toHaveURL(/\/signin/);

  const response = await page.request.get(`/p/${program.slug}/actions`, { maxRedirects: 0 });
  expect(response.status()).toBe(307);
});

test("signing out from the user menu ends the session", async ({ page }) => {
  const { user, program } = await seedMember();
  await page.goto(`/p/${program.slug}/actions`);
  await fillSignIn(page, user.email, user.password);
  await page.waitForURL(`**/p/${program.slug}/actions`);

  await page.getByRole("button", { name: `Account: ${user.name}` }).click();
  await page.getByRole("button", { name: "Sign out" }).click();
  await page.waitForURL(/\/signin/);
  await page.goto(`/p/${program.slug}/actions`);
  await expect(page).toHaveURL(/\/signin\?callbackUrl=/);
});

test("ten wrong passwords lock the account for a while, the right password included", async ({
  page,
}) => {
  const { user } = await seedMember();
  await page.goto("/signin");
  const wrongAlert = page.getByRole("alert").filter({ hasText: "Wrong email or password." });
  for (let i = 0; i < 10; i++) {
    await fillSignIn(page, user.email, `${user.password}-wrong-${i}`);
    await expect(wrongAlert).toBeVisible();
    await expect(page.getByRole("button", { name: "Sign in" })).toBeEnabled();
  }
  const refused = page.waitForResponse((r) => r.url().includes("/api/auth/callback/credentials"));
  await fillSignIn(page, user.email, user.password);
  const answer = await refused;
  expect(answer.status()).toBe(429);
  expect(Number(answer.headers()["retry-after"])).toBeGreaterThan(0);
  await expect(
    page.getByRole("alert").filter({ hasText: "Too many failed sign-ins" }),
  ).toBeVisible();
  await expect(page).toHaveURL(/\/signin/);
});

test("a session cookie copied before sign-out does not work after it", async ({
  page,
  browser,
  baseURL,
}) => {
  const { user, program } = await seedMember();
  await page.goto(`/p/${program.slug}/actions`);
  await fillSignIn(page, user.email, user.password);
  await page.waitForURL(`**/p/${program.slug}/actions`);
  const copied = await page.context().cookies();
  expect(copied.some((c) => c.name.endsWith("next-auth.session-token"))).toBe(true);

  // The copy works while the session is on…
  const thief = await browser.newContext({ baseURL });
  await thief.addCookies(copied);
  const stolen = await thief.newPage();
  await stolen.goto(`/p/${program.slug}/actions`);
  await expect(stolen).toHaveURL(new RegExp(`/p/${program.slug}/actions`));

  // …and not once its owner signed out.
  await page.getByRole("button", { name: `Account: ${user.name}` }).click();
  await page.getByRole("button", { name: "Sign out" }).click();
  await page.waitForURL(/\/signin/);
  await stolen.goto(`/p/${program.slug}/actions`);
  await expect(stolen).toHaveURL(/\/signin\?callbackUrl=/);
  const answer = await thief.request.get(`/p/${program.slug}/actions/export/chart.csv`, {
    maxRedirects: 0,
  });
  expect(answer.status()).toBeGreaterThanOrEqual(300);
  expect(answer.status()).toBeLessThan(400);
  await thief.close();
});
