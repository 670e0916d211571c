// Single sign-on against a real OpenID provider (scripts/oidc-test-provider.ts, oidc-provider) on
// the `oidc` server: PASSWORD_SIGNIN=off, OIDC_ALLOWED_DOMAINS=allowed.test (e2e/support/env.ts).
import { expect, test, type Page } from "@playwright/test";
import { randomBytes } from "node:crypto";
import { createInvitation } from "../lib/testing/invitation-factory";
import { E2E_OIDC } from "./support/env";
import { e2eDatabase, seedMember, seedProgram } from "./support/seed";

const unique = () => randomBytes(4).toString("hex");
const SSO_BUTTON = `Sign in with ${E2E_OIDC.name}`;

/** Content-Security-Policy complaints of this app's pages (the provider's own pages are not ours). */
function watchPolicyViolations(page: Page): string[] {
  const violations: string[] = [];
  page.on("console", (message) => {
    const url = page.url();
    if (url.startsWith(E2E_OIDC.appUrl) && /Content.Security.Policy/i.test(message.text())) {
      violations.push(`${url}: ${message.text()}`);
    }
  });
  return violations;
}

/** From the sign-in page to the provider's form, filled in and sent. */
async function signInAtProvider(
  page: Page,
  account: { email: string; name?: string; verified?: boolean },
) {
  await page.getByRole("button", { name: SSO_BUTTON }).click();
  await page.waitForURL((url) => url.href.startsWith(`${E2E_OIDC.issuer}/interaction/`));
  await page.getByLabel("Email", { exact: true }).fill(account.email);
  if (account.name) await page.getByLabel("Name").fill(account.name);
  await page.getByLabel("Email verified").setChecked(account.verified ?? true);
  await page.getByRole("button", { name: "Continue" }).click();
}

async function liveSessions(userId: number) {
  const { prisma } = await e2eDatabase();
  return prisma.userSession.count({ where: { userId, endedAt: null } });
}

async function expectSignedOut(page: Page) {
  const cookies = await page.context().cookies(E2E_OIDC.appUrl);
  expect(cookies.filter((c) => c.name.endsWith("next-auth.session-token"))).toEqual([]);
}

test("an account signs in by single sign-on; the password form is off", async ({ page }) => {
  const violations = watchPolicyViolations(page);
  const { user, program } = await seedMember("manager");
  await page.goto(`/p/${program.slug}/actions`);
  await expect(page).toHaveURL(/\/signin\?callbackUrl=/);
  await expect(page.getByRole("button", { name: SSO_BUTTON })).toBeVisible();
  await expect(page.getByLabel("Password")).toHaveCount(0);
  await page.screenshot({ path: "artifacts/screenshots/sign-in-single-sign-on.png" });

  // The provider's address in another case is the same account.
  await signInAtProvider(page, { email: user.email.toUpperCase() });

  await page.waitForURL((url) => url.pathname === `/p/${program.slug}/actions`);
  await expect(page.getByRole("heading", { name: "Actions", level: 1 })).toBeVisible();
  await expect(page.getByRole("button", { name: `Account: ${user.name}` })).toBeVisible();
  expect(await liveSessions(user.id)).toBe(1);
  expect(violations).toEqual([]);

  // Password sign-in is refused by the server too, not only hidden.
  const password = await page.request.post("/api/auth/callback/credentials", {
    form: { email: user.email, password: user.password, csrfToken: "x" },
    maxRedirects: 0,
  });
  expect(password.status()).toBe(403);
  expect((await password.json()).message).toMatch(/password sign-in is off/);
});

test("an invited person gets an account and joins with the invited role", async ({ page }) => {
  const { prisma } = await e2eDatabase();
  const program = await seedProgram();
  const email = `ivy-${unique()}@elsewhere.test`;
  const invitation = await createInvitation(prisma, program.id, email, { role: "viewer" });

  await page.goto(`/p/${program.slug}/actions`);
  await signInAtProvider(page, { email, name: "Ivy Invited" });

  await page.waitForURL((url) => url.pathname === `/p/${program.slug}/actions`);
  await expect(page.getByRole("button", { name: "Account: Ivy Invited" })).toBeVisible();
  const user = await prisma.user.findUniqueOrThrow({
    where: { email },
    include: { memberships: { select: { programId: true, role: true } } },
  });
  expect(user.passwordHash).toBe("");
  expect(user.memberships).toEqual([{ programId: program.id, role: "viewer" }]);
  const accepted = await prisma.invitation.findUniqueOrThrow({
    where: { programId_id: { programId: program.id, id: invitation.id } },
  });
  expect([accepted.acceptedAt !== null, accepted.acceptedUserId]).toEqual([true, user.id]);
  expect(
    await prisma.auditEvent.count({
      where: { programId: program.id, kind: "invitations.accepted", actorUserId: user.id },
    }),
  ).toBe(1);
});

test("an unverified email is refused with the reason, even with an account", async ({ page }) => {
  const { user } = await seedMember();
  await page.goto("/signin");
  await signInAtProvider(page, { email: user.email, verified: false });

  await page.waitForURL((url) => url.pathname === "/signin");
  expect(new URL(page.url()).searchParams.get("error")).toBe("EmailNotVerified");
  await expect(
    page.getByRole("alert").filter({
      hasText: "Your identity provider has not verified your email address",
    }),
  ).toBeVisible();
  await expectSignedOut(page);
  expect(await liveSessions(user.id)).toBe(0);
});

test("a domain outside the list is refused; one inside gets an account with no program", async ({
  page,
  browser,
  baseURL,
}) => {
  const { prisma } = await e2eDatabase();
  const outside = `otto-${unique()}@elsewhere.test`;
  await page.goto("/signin");
  await signInAtProvider(page, { email: outside });

  await page.waitForURL((url) => url.pathname === "/signin");
  await expect(
    page.getByRole("alert").filter({ hasText: "its domain is not one that may join this server" }),
  ).toBeVisible();
  await expectSignedOut(page);
  expect(await prisma.user.count({ where: { email: outside } })).toBe(0);

  // Another person, in another browser (this one's provider session is the refused person's).
  const context = await browser.newContext({ baseURL });
  const other = await context.newPage();
  const inside = `ada-${unique()}@${E2E_OIDC.allowedDomain}`;
  await other.goto("/signin");
  await signInAtProvider(other, { email: inside, name: "Ada Allowed" });
  await expect(other.getByRole("heading", { name: "No programs yet" })).toBeVisible();
  await context.close();
  const user = await prisma.user.findUniqueOrThrow({
    where: { email: inside },
    include: { memberships: true },
  });
  expect(user.memberships).toEqual([]);
  expect(await liveSessions(user.id)).toBe(1);
});

test("a callback whose state was changed is refused and signs nobody in", async ({ page }) => {
  const { user, program } = await seedMember();
  await page.goto(`/p/${program.slug}/actions`);

  // The provider's answer, taken in the browser's cookie jar but not followed: the redirects of
  // the login form (to the provider's /auth, then to the app's callback) one by one.
  await page.getByRole("button", { name: SSO_BUTTON }).click();
  await page.waitForURL((url) => url.href.startsWith(`${E2E_OIDC.issuer}/interaction/`));
  let url = `${page.url()}/login`;
  let answer = await page.request.post(url, {
    form: { email: user.email, verified: "yes" },
    maxRedirects: 0,
  });
  for (let hop = 0; hop < 5 && url.startsWith(E2E_OIDC.issuer); hop++) {
    expect([302, 303], url).toContain(answer.status());
    url = new URL(answer.headers()["location"], url).href;
    if (url.startsWith(E2E_OIDC.issuer)) answer = await page.request.get(url, { maxRedirects: 0 });
  }
  expect(url).toMatch(`${E2E_OIDC.appUrl}/api/auth/callback/oidc?`);
  const original = new URL(url);
  const state = original.searchParams.get("state") ?? "";
  expect(state).not.toBe("");
  const tampered = new URL(original);
  tampered.searchParams.set("state", `${state.slice(0, -1)}${state.endsWith("A") ? "B" : "A"}`);

  await page.goto(tampered.href);

  await page.waitForURL((url) => url.pathname === "/signin");
  expect(new URL(page.url()).searchParams.get("error")).toBe("OAuthCallback");
  await expect(page.getByRole("alert").filter({ hasText: "did not check out" })).toBeVisible();
  await expectSignedOut(page);
  expect(await liveSessions(user.id)).toBe(0);
  const opened = await page.request.get(`/p/${program.slug}/actions`, { maxRedirects: 0 });
  expect(opened.status()).toBe(307);

  // The same answer unchanged signs in: the state alone made the difference.
  await page.goto(original.href);
  await page.waitForURL((url) => url.pathname === `/p/${program.slug}/actions`);
  expect(await liveSessions(user.id)).toBe(1);
});
