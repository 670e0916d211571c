// The audit log (issue 24): an owner's change appears in the log, the filters live in the URL,
// Older/Newer page through it, and the CSV holds what the filters show.
import { readFile } from "node:fs/promises";
import { expect, test } from "@playwright/test";
import Papa from "papaparse";
import { seriousAxeViolations } from "./support/axe";
import { e2eDatabase, seedMember, seedProgramMember } from "./support/seed";
import { signIn } from "./support/sign-in";

test("an owner finds their change in the audit log, filters it, pages it and downloads it", async ({
  page,
}) => {
  const { user, program } = await seedMember("owner");
  const manager = await seedProgramMember(program.id, "manager");
  const { prisma } = await e2eDatabase();
  // Older history: a member added by the admin command, and 60 earlier entries to page through.
  await prisma.$executeRaw`
    INSERT INTO audit_events (program_id, actor_label, kind, summary, details, created_at)
    SELECT ${program.id}, 'npm run admin', 'deliveries.sent_now', 'Old entry ' || n, '{}',
      now() - interval '1 day' - n * interval '1 minute'
    FROM generate_series(1, 60) AS n`;
  await prisma.auditEvent.create({
    data: {
      programId: program.id,
      actorLabel: "npm run admin",
      kind: "members.added",
      summary: `Added ${manager.email} as manager`,
      details: { userId: manager.id, email: manager.email, role: "manager" },
      createdAt: new Date(Date.now() - 3_600_000),
    },
  });

  await signIn(page, user.email, user.password);
  await page.goto(`/p/${program.slug}/api-keys`);
  await page.getByLabel("Label").fill("Audit e2e key");
  await page.getByRole("button", { name: "Create key" }).click();
  await expect(page.getByText("it is shown only once")).toBeVisible();
  const secret = (await page.getByTestId("new-secret").textContent())!.trim();

  await page.getByRole("link", { name: "Audit log" }).click();
  await expect(page.getByRole("heading", { name: "Audit log" })).toBeVisible();
  const newest = page.getByRole("row").nth(1);
  await expect(newest).toContainText("Created live API key “Audit e2e key”");
  await expect(newest).toContainText(`${user.name} <${user.email}>`);
  // Shown in the program's zone (New York).
  await expect(newest.locator("time")).toHaveText(/^\d{4}-\d\d-\d\d \d\d:\d\d:\d\d E[SD]T$/);
  await newest.getByText("Details").click();
  await expect(newest.locator("pre")).toContainText('"label": "Audit e2e key"');
  expect(await page.content()).not.toContain(secret);
  expect(await seriousAxeViolations(page)).toEqual([]);

  // 62 entries: 50 on the first page, the rest after "Older".
  await expect(page.getByRole("row")).toHaveCount(51);
  await page.getByRole("link", { name: "Older →" }).click();
  await expect(page).toHaveURL(/after=\d+/);
  await expect(page.getByRole("row")).toHaveCount(13);
  await expect(page.getByRole("row").last()).toContainText("Old entry 60");
  await page.getByRole("link", { name: "← Newer" }).click();
  await expect(page.getByRole("row").nth(1)).toContainText("Audit e2e key");

  // Filter by kind: the filters go into the URL, and the API key entry is gone from the list.
  await page.getByLabel("Kind").selectOption({ label: "Members and roles" });
  await page.getByRole("button", { name: "Apply filters" }).click();
  await expect(page).toHaveURL(/kind=members/);
  await expect(page.getByRole("row")).toHaveCount(2);
  await expect(page.getByRole("row").nth(1)).toContainText(`Added ${manager.email} as manager`);

  const [download] = await Promise.all([
    page.waitForEvent("download"),
    page.getByRole("link", { name: "Download CSV" }).click(),
  ]);
  expect(download.suggestedFilename()).toMatch(
    new RegExp(`^${program.slug}_audit-log_\\d{4}-\\d{2}-\\d{2}\\.csv$`),
  );
  const rows = Papa.parse<string[]>(
    (await readFile(await download.path())).toString("utf8").replace(/^\uFEFF/, ""),
    { skipEmptyLines: true },
  ).data;
  expect(rows.map((r) => r.slice(1, 4))).toEqual([
    ["Person", "Kind", "Summary"],
    ["npm run admin", "members.added", `Added ${manager.email} as manager`],
  ]);
  expect(rows[1][0]).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d-0[45]:00$/);

  // By person: the owner's own entries only.
  await page.getByLabel("Kind").selectOption({ label: "All kinds" });
  await page.getByLabel("Person").selectOption({ label: `${user.name} <${user.email}>` });
  await page.getByRole("button", { name: "Apply filters" }).click();
  await expect(page).toHaveURL(new RegExp(`person=${user.id}`));
  await expect(page.getByRole("row")).toHaveCount(2);
  await expect(page.getByRole("row").nth(1)).toContainText("Audit e2e key");

  // A link with values it cannot use says so and shows the log.
  await page.goto(`/p/${program.slug}/audit?kind=secrets&after=x`);
  await expect(
    page.getByRole("alert").filter({ hasText: "Kind: “secrets” is not a valid value" }),
  ).toBeVisible();
  await expect(page.getByRole("row").nth(1)).toContainText("Audit e2e key");
  await page.screenshot({ path: "artifacts/screenshots/audit-log.png", fullPage: true });
});

test("a new program's log says what it will hold", async ({ page }) => {
  const { user, program } = await seedMember("owner");
  await signIn(page, user.email, user.password);
  await page.goto(`/p/${program.slug}/audit`);
  await expect(page.getByText("Nothing recorded yet.")).toBeVisible();
  await expect(page.getByRole("table")).toHaveCount(0);
});

test("a manager has no audit log link and gets a 403", async ({ page }) => {
  const { user, program } = await seedMember("manager");
  await signIn(page, user.email, user.password);
  await page.goto(`/p/${program.slug}/actions`);
  await expect(page.getByRole("link", { name: "API keys" })).toBeVisible();
  await expect(page.getByRole("link", { name: "Audit log" })).toHaveCount(0);
  const response = await page.goto(`/p/${program.slug}/audit`);
  expect(response?.status()).toBe(403);
});
