import { expect, test, type Page } from "@playwright/test";
import Papa from "papaparse";
import { startSmtpSink, type SmtpSink } from "../lib/testing/smtp-sink";
import { seriousAxeViolations } from "./support/axe";
import { E2E_SMTP_PORT } from "./support/env";
import { e2eDatabase, seedProgramMember, seedTabMember } from "./support/seed";
import { signIn } from "./support/sign-in";

// The PostgreSQL server sends its mail to this sink (scripts/e2e-server.ts): one worker holds it.
test.describe.configure({ mode: "serial" });
let sink: SmtpSink;
test.beforeAll(async () => {
  sink = await startSmtpSink(E2E_SMTP_PORT);
});
test.afterAll(() => sink.close());

/** What the sink received for one address (other specs' deliveries may arrive meanwhile). */
const mailTo = (address: string) =>
  sink.messages.filter((m) => m.to && "text" in m.to && m.to.text === address);

/** The next Monday 09:00 in New York after now, found by Intl's clock (not the app's code). */
function nextMondayNine(): string {
  const parts = (t: number) =>
    Object.fromEntries(
      new Intl.DateTimeFormat("en-CA", {
        timeZone: "America/New_York",
        weekday: "short",
        year: "numeric",
        month: "2-digit",
        day: "2-digit",
        hour: "2-digit",
        minute: "2-digit",
        hourCycle: "h23",
        timeZoneName: "short",
      })
        .formatToParts(t)
        .map((p) => [p.type, p.value]),
    );
  const quarter = 15 * 60_000;
  for (let t = Math.ceil((Date.now() + 1) / quarter) * quarter; ; t += quarter) {
    const p = parts(t);
    if (p.weekday === "Mon" && p.hour === "09" && p.minute === "00") {
      return `${p.year}-${p.month}-${p.day} 09:00:00 ${p.timeZoneName}`;
    }
  }
}

const csvRows = (text: string) =>
  Papa.parse<string[]>(text.replace(/^\uFEFF/, ""), { skipEmptyLines: true }).data;

async function saveView(page: Page, slug: string, query: string, name: string) {
  await page.goto(`/p/${slug}/actions?${query}`);
  const button = page.getByRole("button", { name: /^Saved views/ });
  await button.click();
  const panel = page.getByRole("dialog", { name: "Saved views" });
  await panel.getByLabel("Save the current filters as a new view").fill(name);
  await panel.getByRole("button", { name: "Save view" }).click();
  await expect(button).toHaveAccessibleName(`Saved views: ${name}`);
  await page.keyboard.press("Escape");
  await expect(panel).toHaveCount(0);
}

test("a saved view scheduled from the tab arrives by email with the file the ⋮ menu downloads, and unsubscribing needs no sign-in", async ({
  page,
  browser,
  baseURL,
}) => {
  const f = await seedTabMember("owner");
  await signIn(page, f.user.email, f.user.password);
  await saveView(
    page,
    f.program.slug,
    "timeframe=any_time&sort=occurrences&dir=desc",
    "Everything",
  );
  await page.getByRole("button", { name: /^Saved views/ }).click();
  await page.getByRole("link", { name: "Schedule delivery of Everything" }).click();
  await expect(page).toHaveURL(/\/deliveries\?view=\d+#new$/);
  await expect(page.getByRole("heading", { name: "Deliveries", level: 1 })).toBeVisible();
  await expect(page.getByLabel("Saved view")).toHaveValue(/\d+/);
  await expect(page.getByLabel("Saved view").locator("option:checked")).toHaveText("Everything");

  await page.getByLabel("Repeat").selectOption("weekly");
  await page.getByLabel("On", { exact: true }).selectOption("Monday");
  await page.getByLabel("At (program time)").fill("09:00");
  await page.getByLabel("File").selectOption({ label: "Actions by partner, type and value (CSV)" });
  await expect(page.getByLabel("Recipients")).toHaveValue(f.user.email);
  await page.getByRole("button", { name: "Schedule delivery" }).click();
  await expect(page.getByRole("status").filter({ hasText: "Scheduled." })).toBeVisible();
  const row = page
    .getByRole("table", { name: "Schedules" })
    .getByRole("row")
    .filter({ hasText: "Everything" });
  await expect(row).toContainText("Every Monday at 09:00");
  await expect(row).toContainText(nextMondayNine());
  await expect(row).toContainText("Not yet");

  // "Send now" from the keyboard; the log follows without a reload.
  await page.getByRole("button", { name: "Send now: “Everything”" }).focus();
  await page.keyboard.press("Enter");
  const log = page
    .getByRole("table", { name: "Delivery log" })
    .getByRole("row")
    .filter({ hasText: "Sent on request" });
  await expect(log).toContainText("Sent", { timeout: 30_000 });
  await expect(log).toContainText(`${f.program.slug}_table_`);
  await expect(log).toContainText(/\d+(\.\d)? (B|KB)/);
  const [mail, ...more] = mailTo(f.user.email);
  expect(more).toHaveLength(0);

  const download = await page.request.get(
    `/p/${f.program.slug}/actions/export/table.csv?timeframe=any_time&sort=occurrences&dir=desc`,
  );
  const expected = csvRows(await download.text());
  expect(expected.length).toBeGreaterThan(5);
  expect(csvRows(mail.attachments[0].content.toString("utf8"))).toEqual(expected);

  // The email's unsubscribe link works signed out and removes only this recipient.
  const link = /Stop receiving this delivery: (\S+)/.exec(mail.text ?? "")?.[1] ?? "";
  expect(link).toContain("/unsubscribe/");
  const stranger = await browser.newContext({ baseURL });
  const strangerPage = await stranger.newPage();
  await strangerPage.goto(new URL(link).pathname);
  await expect(strangerPage.getByText(`to ${f.user.email}?`)).toBeVisible();
  await strangerPage.getByRole("button", { name: "Unsubscribe" }).click();
  await expect(strangerPage.getByRole("status")).toContainText(
    `${f.user.email} no longer receives “Everything”`,
  );
  await stranger.close();
  await page.reload();
  await expect(row).toContainText("Nobody (everyone unsubscribed)");
  expect(await seriousAxeViolations(page)).toEqual([]);
});

test("a viewer schedules to members only; a webhook that keeps failing is shown to the owner", async ({
  page,
  browser,
  baseURL,
}) => {
  const f = await seedTabMember("owner");
  const { prisma } = await e2eDatabase();
  await prisma.savedView.create({
    data: {
      programId: f.program.id,
      userId: f.user.id,
      name: "Past week",
      query: "timeframe=past_7_days",
    },
  });
  const viewer = await seedProgramMember(f.program.id, "viewer");
  const viewerContext = await browser.newContext({ baseURL });
  const viewerPage = await viewerContext.newPage();
  await signIn(viewerPage, viewer.email, viewer.password);
  await viewerPage.goto(`/p/${f.program.slug}/deliveries`);
  await expect(viewerPage.getByRole("radio", { name: /Webhook/ })).toBeDisabled();
  await expect(viewerPage.getByLabel("Domains")).toHaveCount(0);
  await viewerPage.getByLabel("Recipients").fill(`${viewer.email}, boss@outside.example`);
  await viewerPage.getByRole("button", { name: "Schedule delivery" }).click();
  await expect(viewerPage.getByRole("alert").filter({ hasText: "boss@" })).toHaveText(
    "boss@outside.example is not a member of this program: viewers can send deliveries to members only.",
  );
  // What was typed stays, to be corrected.
  await expect(viewerPage.getByLabel("Recipients")).toHaveValue(
    `${viewer.email}, boss@outside.example`,
  );
  await viewerPage.getByLabel("Recipients").fill(`${viewer.email}, ${f.user.email}`);
  await viewerPage.getByRole("button", { name: "Schedule delivery" }).click();
  await expect(viewerPage.getByRole("status").filter({ hasText: "Scheduled." })).toBeVisible();
  await viewerContext.close();

  await signIn(page, f.user.email, f.user.password);
  await page.goto(`/p/${f.program.slug}/deliveries`);
  await expect(
    page.getByRole("row").filter({ hasText: `${viewer.email}, ${f.user.email}` }),
  ).toBeVisible();
  await page.getByRole("radio", { name: "Webhook" }).check();
  await page.getByLabel("Webhook URL").fill("https://127.0.0.1:9/never-answers");
  await page.getByRole("button", { name: "Schedule delivery" }).click();
  await expect(page.getByRole("status").filter({ hasText: "Scheduled." })).toBeVisible();
  const hook = page
    .getByRole("table", { name: "Schedules" })
    .getByRole("row")
    .filter({ hasText: "never-answers" });
  await hook.getByText("Signing secret").click();
  await expect(hook.getByText(/^whsec_/)).toBeVisible();
  await hook.getByRole("button", { name: /^Send now/ }).click();
  // One retry after a second (DELIVERY_RETRY_SECONDS=1 on this server), then failed for good.
  await expect(
    page.getByRole("alert").filter({ hasText: "A delivery failed after every retry" }),
  ).toContainText("The webhook could not be reached", { timeout: 30_000 });
  await expect(
    page
      .getByRole("table", { name: "Delivery log" })
      .getByRole("row")
      .filter({ hasText: "2 attempts" }),
  ).toContainText("Failed");
  await expect(page.getByRole("link", { name: "Deliveries 1 failed" })).toBeVisible();
});

test("an alert that fires arrives by email with its number and expected range, and is listed in the Deliveries log", async ({
  page,
}) => {
  const f = await seedTabMember("owner");
  const { prisma } = await e2eDatabase();
  // No partner is named so: the view counts nothing, whatever the hour.
  const view = await prisma.savedView.create({
    data: {
      programId: f.program.id,
      userId: f.user.id,
      name: "Nobody's actions",
      query: "name=zz-no-such-partner",
    },
  });
  await signIn(page, f.user.email, f.user.password);
  await page.goto(`/p/${f.program.slug}/alerts?view=${view.id}`);
  const form = page.getByRole("form", { name: "New alert" });
  await form.getByLabel("Fires when it is").selectOption({ label: "Below a value" });
  await form.getByLabel("Value").fill("5");
  await form.getByLabel("Checked").selectOption({ label: "Every hour" });
  await form.getByRole("button", { name: "Save alert" }).click();
  await expect(form.getByRole("status")).toContainText("Alert saved.");

  // Its first check is the next hour: brought forward, the server's scheduler (a pass every 2 s)
  // checks it, finds the whole view at 0, below 5, and mails it.
  await prisma.alert.updateMany({
    where: { programId: f.program.id },
    data: { nextCheckAt: new Date(Date.now() - 1000) },
  });
  await expect.poll(() => mailTo(f.user.email).length, { timeout: 30_000 }).toBe(1);
  const [mail] = mailTo(f.user.email);
  expect(mail.subject).toContain("Alert: Nobody's actions");
  expect(mail.text).toMatch(
    /The whole view: Occurrences 0 in \d{4}-\d\d-\d\d \d\d:00–\d\d:00 E[SD]T — below 5; expected at least 5\./,
  );
  expect(mail.text).toContain(
    `/p/${f.program.slug}/actions?name=zz-no-such-partner&timeframe=range_`,
  );

  await page.goto(`/p/${f.program.slug}/deliveries`);
  const log = page.getByRole("table", { name: "Delivery log" }).getByRole("row").filter({
    hasText: "Nobody's actions",
  });
  await expect(log).toContainText("Alert · The whole view: Occurrences 0 (expected at least 5)");
  await expect(log).toContainText("Sent");
  await expect(log).toContainText(f.user.email);
  await page.goto(`/p/${f.program.slug}/alerts`);
  await expect(
    page
      .getByRole("table", { name: "Alerts" })
      .getByRole("row")
      .filter({ hasText: "Nobody's actions" }),
  ).toContainText("Out of range: The whole view");
});
