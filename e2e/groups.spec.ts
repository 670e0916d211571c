import { expect, test } from "@playwright/test";
import { generateApiKeyPair, hashSecret } from "../lib/api-keys/api-key-secrets";
import { e2eDatabase, seedMember } from "./support/seed";
import { signIn } from "./support/sign-in";

test("a manager creates, renames and archives a group; its partnership stays, new ones are refused", async ({
  page,
  request,
}) => {
  const { prisma } = await e2eDatabase();
  const { user, program } = await seedMember("manager");
  // As a program made in the app starts: with its default group.
  await prisma.group.create({
    data: { programId: program.id, key: "default", name: "Default", slug: "default" },
  });
  await signIn(page, user.email, user.password);

  await page.goto(`/p/${program.slug}/api-keys`);
  await page
    .getByRole("navigation", { name: "Program" })
    .getByRole("link", { name: "Groups and tags" })
    .click();
  await expect(page.getByRole("heading", { name: "Groups and tags", level: 1 })).toBeVisible();
  await expect(page.getByRole("row", { name: /default/ })).toContainText("Active");
  await expect(page.getByText("No tags yet.")).toBeVisible();

  // Create, with the keyboard: the key is derived from the name.
  await page.getByLabel("Group name").fill("Resellers");
  await page.getByLabel("Group name").press("Enter");
  await expect(
    page.getByRole("status").filter({ hasText: "Created “Resellers” (key resellers)." }),
  ).toBeVisible();
  await expect(page.getByLabel("New name for Resellers")).toHaveValue("Resellers");

  // A second group of the same name is refused, and what was typed stays.
  await page.getByLabel("Group name").fill("RESELLERS");
  await page.getByRole("button", { name: "Add group" }).click();
  await expect(
    page.getByRole("alert").filter({ hasText: 'a group named "RESELLERS" already exists' }),
  ).toBeVisible();
  await expect(page.getByLabel("Group name")).toHaveValue("RESELLERS");

  const group = await prisma.group.findFirstOrThrow({
    where: { programId: program.id, key: "resellers" },
  });
  await prisma.partnership.create({
    data: {
      programId: program.id,
      partnerKey: "ptn_e2e",
      firstName: "Pat",
      lastName: "Partner",
      email: "pat@partners.test",
      groupId: group.id,
    },
  });

  await page.getByLabel("New name for Resellers").fill("Resellers EU");
  await page.getByRole("button", { name: "Rename Resellers" }).click();
  await expect(
    page.getByRole("status").filter({ hasText: "Renamed to “Resellers EU”." }),
  ).toBeVisible();
  await expect(page.getByLabel("New name for Resellers EU")).toBeVisible();
  await expect(
    page.getByRole("link", { name: "1 partnership with group Resellers EU" }),
  ).toBeVisible();

  page.once("dialog", (dialog) => dialog.accept());
  await page.getByRole("button", { name: "Archive Resellers EU" }).click();
  await expect(page.getByRole("button", { name: "Restore Resellers EU" })).toBeVisible();
  const row = page.getByRole("row").filter({ has: page.getByLabel("New name for Resellers EU") });
  await expect(row).toContainText("Archived");
  await expect(row.getByRole("link", { name: /^1 partnership with/ })).toBeVisible();

  const stored = await prisma.group.findUniqueOrThrow({
    where: { programId_id: { programId: program.id, id: group.id } },
  });
  expect(stored.name).toBe("Resellers EU");
  expect(stored.archivedAt).not.toBeNull();
  const audit = await prisma.auditEvent.findMany({
    where: { programId: program.id },
    orderBy: { id: "asc" },
  });
  expect(audit.map((e) => [e.kind, e.actorUserId])).toEqual([
    ["groups.created", user.id],
    ["groups.updated", user.id],
    ["groups.archived", user.id],
  ]);

  // Over HTTP, the archived group takes no new partnership; no group at all means the default.
  const pair = generateApiKeyPair("test");
  await prisma.apiKey.create({
    data: {
      programId: program.id,
      label: "e2e",
      mode: "test",
      publicKey: pair.publicKey,
      secretHash: hashSecret(pair.secret),
    },
  });
  const headers = { authorization: `Bearer ${pair.secret}` };
  const person = { email: "new@partners.test", first_name: "New", last_name: "Partner" };
  const refused = await request.post("/api/v2/partnerships", {
    headers,
    data: { partner_key: "ptn_refused", ...person, group_key: "resellers" },
  });
  expect(refused.status()).toBe(422);
  expect((await refused.json()).errors).toEqual([
    { field: "group_key", message: 'group "resellers" is archived: it takes no new partnerships' },
  ]);
  const joined = await request.post("/api/v2/partnerships", {
    headers,
    data: { partner_key: "ptn_default", ...person },
  });
  expect(joined.status()).toBe(200);
  expect((await joined.json()).data.group).toEqual({ key: "default", name: "Default" });
});
