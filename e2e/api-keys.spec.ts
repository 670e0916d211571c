import { expect, test } from "@playwright/test";
import { e2eDatabase, seedApiMember } from "./support/seed";
import { signIn } from "./support/sign-in";

test("an owner creates a key, sends an action with it, sees it in the API log, then revokes it", async ({
  page,
  request,
}) => {
  const { user, program } = await seedApiMember("owner");
  await signIn(page, user.email, user.password);
  await page.goto(`/p/${program.slug}/api-keys`);

  await page.getByLabel("Label").fill("Staging backend");
  await page.getByRole("button", { name: "Create key" }).click();
  await expect(page.getByText("it is shown only once")).toBeVisible();
  const secret = (await page.getByTestId("new-secret").textContent())!.trim();
  expect(secret).toMatch(/^sk_live_/);
  await expect(page.getByRole("row", { name: /Staging backend/ })).toContainText("Never");

  const body = {
    key: "e2e-1",
    target_key: "cus_1",
    target_type: "customer",
    type: "signup_completed",
  };
  const sent = await request.post("/api/v2/actions", {
    data: body,
    headers: { authorization: `Bearer ${secret}` },
  });
  expect(sent.status()).toBe(200);
  expect((await sent.json()).data.reward_outcome.kind).toBe("rewarded");

  await page.getByRole("link", { name: "API log" }).click();
  await expect(page.getByRole("row", { name: /e2e-1/ })).toContainText("200 accepted");

  await page.goto(`/p/${program.slug}/api-keys`);
  page.once("dialog", (dialog) => dialog.accept());
  await page.getByRole("button", { name: "Revoke Staging backend" }).click();
  await expect(page.getByRole("row", { name: /Staging backend/ })).toContainText("Revoked");

  const refused = await request.post("/api/v2/actions", {
    data: { ...body, key: "e2e-2" },
    headers: { authorization: `Bearer ${secret}` },
  });
  expect(refused.status()).toBe(401);
  await page.goto(`/p/${program.slug}/api-log?outcome=rejected`);
  await expect(page.getByRole("row", { name: /revoked/ })).toContainText("401 rejected");
  await page.screenshot({ path: "artifacts/screenshots/api-log.png", fullPage: true });
});

test("a viewer cannot see or create keys", async ({ page }) => {
  const { user, program } = await seedApiMember("viewer");
  await signIn(page, user.email, user.password);
  await page.goto(`/p/${program.slug}/api-keys`);
  await expect(page.getByText("Only program owners can see and manage API keys.")).toBeVisible();
  await expect(page.getByRole("button", { name: "Create key" })).toHaveCount(0);
});

test("an owner who became a manager meanwhile is signed out when revoking, and the key stays", async ({
  page,
}) => {
  const { user, program } = await seedApiMember("owner");
  await signIn(page, user.email, user.password);
  await page.goto(`/p/${program.slug}/api-keys`);
  const { prisma } = await e2eDatabase();
  // A new role ends the member's sessions (issue 23): the open page's next step meets sign-in.
  await prisma.membership.update({
    where: { programId_userId: { programId: program.id, userId: user.id } },
    data: { role: "manager" },
  });
  page.once("dialog", (dialog) => dialog.accept());
  await page.getByRole("button", { name: "Revoke test" }).click();
  await expect(page).toHaveURL(/\/signin\?callbackUrl=/);
  const key = await prisma.apiKey.findFirstOrThrow({ where: { programId: program.id } });
  expect(key.revokedAt).toBeNull();
  // Signed in again, as a manager now: no way to manage keys is offered.
  await signIn(page, user.email, user.password);
  await page.goto(`/p/${program.slug}/api-keys`);
  await expect(page.getByText("Only program owners can see and manage API keys.")).toBeVisible();
  await expect(page.getByRole("button", { name: "Revoke test" })).toHaveCount(0);
});
