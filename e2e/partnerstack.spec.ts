import { expect, test } from "@playwright/test";
import { seriousAxeViolations } from "./support/axe";
import { POSTGRES_PORT } from "./support/env";
import { e2eDatabase, seedApiMember, seedMember } from "./support/seed";
import { signIn } from "./support/sign-in";

// Adopting a program: an owner connects an empty program to another program's API (this server
// speaks PartnerStack v2), imports it, sees the numbers on the Actions tab, and PartnerStack's
// webhook (posted here as PartnerStack would) moves a partnership.
test("an owner connects, imports with progress, and webhooks keep partnerships in step", async ({
  page,
}) => {
  const source = await seedApiMember("owner");
  const { prisma } = await e2eDatabase();
  const type = await prisma.actionType.findFirstOrThrow({
    where: { programId: source.program.id, name: "signup_completed" },
  });
  for (const [i, partnership] of [
    source.partnerships.alice,
    source.partnerships.alice,
    source.partnerships.bob,
  ].entries()) {
    await prisma.action.create({
      data: {
        programId: source.program.id,
        key: `act_e2e_ps_${i}`,
        actionTypeId: type.id,
        targetType: "partnership",
        partnershipId: partnership.id,
        occurredAt: new Date(Date.now() - (i + 1) * 86_400_000),
      },
    });
  }
  const { user, program } = await seedMember("owner");
  await signIn(page, user.email, user.password);
  await page.goto(`/p/${program.slug}`);
  await page.getByRole("link", { name: "PartnerStack", exact: true }).click();
  await expect(page.getByRole("heading", { name: "PartnerStack", level: 1 })).toBeVisible();
  expect(await seriousAxeViolations(page)).toEqual([]);

  // Wrong secret: refused by the source, named at the field, nothing saved.
  const baseUrl = `http://127.0.0.1:${POSTGRES_PORT}/api/v2`;
  await page.getByLabel("API base URL").fill(baseUrl);
  await page.getByLabel("Public key").fill(source.apiKey.publicKey);
  await page.getByLabel("Secret key").fill("sk_not_the_secret");
  await page.getByRole("button", { name: "Connect" }).click();
  await expect(page.getByText(/refused these keys \(401\)/).first()).toBeVisible();
  await expect(page.getByLabel("Secret key")).toHaveAttribute("aria-invalid", "true");

  await page.getByLabel("Secret key").fill(source.apiKey.secret);
  await page.getByRole("button", { name: "Connect" }).click();
  await expect(page.getByText("Stored encrypted; never shown again.")).toBeVisible();
  await expect(page.getByText(source.apiKey.publicKey)).toBeVisible();
  await expect(page.getByText(source.apiKey.secret)).toHaveCount(0);
  const webhookUrl = await page.getByLabel("Webhook URL", { exact: true }).inputValue();
  expect(webhookUrl).toMatch(new RegExp(`/api/partnerstack/webhooks/${program.slug}$`));
  const secret = await page
    .getByLabel("Webhook secret (X-Webhook-Secret header)", { exact: true })
    .inputValue();
  expect(secret.length).toBeGreaterThanOrEqual(20);

  await page.getByRole("button", { name: "Import", exact: true }).click();
  await expect(page.getByText(/Import finished/)).toBeVisible({ timeout: 30_000 });
  const row = (name: string) => page.getByRole("row", { name: new RegExp(`^${name}\\b`, "i") });
  await expect(row("actions")).toContainText("3");
  await expect(row("partnerships").getByRole("cell").nth(1)).toHaveText("2");
  await expect(row("actions").getByRole("cell").last()).toHaveText("Done");
  await expect(page.getByRole("button", { name: "Import again" })).toBeVisible();
  // Checked on a fresh load: while the page refreshed itself during the import, a refresh still
  // in flight may be swapping the document's head.
  await page.reload();
  await expect(page.getByRole("button", { name: "Import again" })).toBeVisible();
  await expect(page).toHaveTitle(/PartnerStack/);
  expect(await seriousAxeViolations(page)).toEqual([]);

  await page.goto(`/p/${program.slug}/actions?timeframe=any_time`);
  await expect(page.getByTestId("tile-occurrences")).toHaveText("3");

  // PartnerStack's sample payload, moving alice to a new group.
  const moveAlice = {
    partner_key: "ptn_alice",
    first_name: "Pat",
    last_name: "ptn_alice",
    email: "ptn_alice@partners.test",
    group: { id: 22, name: "Top Sellers", slug: "topsellers" },
    event: "partnership_group_updated",
    archived: "false",
  };
  const answer = await page.request.post(webhookUrl, {
    headers: { "x-webhook-secret": secret },
    data: moveAlice,
  });
  expect(answer.status()).toBe(200);
  const wrong = await page.request.post(webhookUrl, {
    headers: { "x-webhook-secret": "nope" },
    data: { partner_key: "ptn_alice", event: "partnership_deleted" },
  });
  expect(wrong.status()).toBe(401);
  // The deprecated query form still works (the server moves it into the header).
  const byQuery = await page.request.post(`${webhookUrl}?secret=${encodeURIComponent(secret)}`, {
    data: moveAlice,
  });
  expect(byQuery.status()).toBe(200);
  const moved = await prisma.partnership.findFirstOrThrow({
    where: { programId: program.id, partnerKey: "ptn_alice" },
    include: { group: true },
  });
  expect(moved).toMatchObject({ archivedAt: null, group: { name: "Top Sellers" } });
  await page.goto(`/p/${program.slug}/actions?timeframe=any_time&group=${moved.groupId}`);
  await expect(page.getByTestId("tile-occurrences")).toHaveText("2");
  await page.goto(`/p/${program.slug}/api-log`);
  await expect(page.getByText(/partnership_group_updated ptn_alice: updated/)).toBeVisible();
});

test("members who are not owners see no keys, no webhook URL and no import", async ({ page }) => {
  const { user, program } = await seedMember("manager");
  await signIn(page, user.email, user.password);
  await page.goto(`/p/${program.slug}/partnerstack`);
  await expect(page.getByText(/Only program owners can connect/)).toBeVisible();
  await expect(page.getByLabel("Secret key")).toHaveCount(0);
  await expect(page.getByRole("button", { name: /import|connect/i })).toHaveCount(0);
});
