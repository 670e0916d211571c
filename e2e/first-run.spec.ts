// A team's first day, from an empty database (issue 24), in Chromium against a server started on
// an empty PostgreSQL database: the setup link from the server's log → owner and program → an API
// key → a first action over HTTP → counted on the tab → a teammate invited by email joins as viewer
// and cannot manage anything → their role changes (signed out at once) → removed (next request
// refused) → a password reset by email.
import { readFileSync } from "node:fs";
import { expect, test, type Page } from "@playwright/test";
import { startSmtpSink, type SmtpSink } from "../lib/testing/smtp-sink";
import { E2E_EMPTY_SMTP_PORT, EMPTY_PORT, e2eServerLogFile } from "./support/env";
import { fillSignIn, signInWithForm } from "./support/sign-in";

const OWNER = {
  name: "Olive Owner",
  email: "olive@team.example",
  password: "harbor-violet-quartz-81",
};
const MATE = {
  name: "Tess Teammate",
  email: "tess@team.example",
  password: "lantern-copper-meadow-27",
};

let sink: SmtpSink;
test.beforeAll(async () => {
  sink = await startSmtpSink(E2E_EMPTY_SMTP_PORT);
});
test.afterAll(() => sink.close());

async function mailTo(address: string, after: number): Promise<string> {
  await expect
    .poll(() => sink.messages.slice(after).some((m) => JSON.stringify(m.to).includes(address)), {
      timeout: 15_000,
    })
    .toBe(true);
  const message = sink.messages.slice(after).find((m) => JSON.stringify(m.to).includes(address))!;
  return message.text ?? "";
}

const linkIn = (text: string, path: string) => {
  const found = new RegExp(`https?://\\S+(${path}/\\S+)`).exec(text);
  if (!found) throw new Error(`no ${path} link in: ${text}`);
  return found[1];
};

async function api(page: Page, secret: string, path: string, data: object) {
  const response = await page.request.post(`/api/v2/${path}`, {
    data,
    headers: { authorization: `Bearer ${secret}` },
  });
  expect(response.status(), `${path}: ${await response.text()}`).toBe(200);
}

test("a team's first day, from an empty database", async ({ page, browser }) => {
  test.setTimeout(300_000);

  // Every page leads to setup, which asks for the link from the server's log.
  await page.goto("/p/anything/actions");
  await expect(page).toHaveURL(/\/setup$/);
  await expect(page.getByText("printed to its log")).toBeVisible();
  await page.goto("/setup?token=guessed");
  await expect(page.getByText("This setup link is not valid.")).toBeVisible();
  await expect(page.getByLabel("Your name")).toHaveCount(0);

  const log = readFileSync(e2eServerLogFile(EMPTY_PORT), "utf8");
  const setupUrl = new URL(/(https?:\/\/\S+\/setup\?token=\S+)/.exec(log)![1]);
  await page.goto(`${setupUrl.pathname}${setupUrl.search}`);
  await page.getByLabel("Your name").fill(OWNER.name);
  await page.getByLabel("Email").fill(OWNER.email);
  await page.getByLabel("Password").fill("password1234");
  await page.getByLabel("Program name").fill("Team Partners");
  await expect(page.getByLabel("Slug")).toHaveValue("team-partners");
  await page.getByLabel("Time zone").fill("Europe/Berlin");
  await page.getByLabel("Currency").fill("EUR");
  await page.getByRole("button", { name: "Create account and program" }).click();
  await expect(page.getByText("This password is easy to guess.")).toBeVisible();
  await page.getByLabel("Password").fill(OWNER.password);
  await page.getByRole("button", { name: "Create account and program" }).click();
  await page.waitForURL(/\/p\/team-partners\/actions/);
  await expect(page.getByTestId("tile-occurrences")).toHaveText("0");
  // The empty tab says what to do next, with this server's address in the calls.
  const getStarted = page.getByRole("region", { name: /No actions yet/ });
  await expect(getStarted).toContainText(`http://127.0.0.1:${EMPTY_PORT}/api/v2/partnerships`);
  await expect(getStarted.getByRole("link", { name: "Create an API key" })).toBeVisible();
  expect((await page.request.get("/setup")).status()).toBe(404);
  await page.screenshot({ path: "artifacts/screenshots/first-run-empty-tab.png", fullPage: true });

  // A key, then the first action over HTTP: partnership (no group: the default one), customer,
  // action.
  await page.goto("/p/team-partners/api-keys");
  await page.getByLabel("Label").fill("Backend");
  await page.getByRole("button", { name: "Create key" }).click();
  const secret = (await page.getByTestId("new-secret").textContent())!.trim();
  await api(page, secret, "partnerships", {
    partner_key: "ptn_first",
    email: "partner@example.com",
    first_name: "Pat",
    last_name: "Partner",
  });
  await api(page, secret, "customers", { customer_key: "cus_first", partner_key: "ptn_first" });
  await api(page, secret, "actions", {
    key: "act_first",
    target_key: "cus_first",
    target_type: "customer",
    type: "signup_completed",
  });
  await page.goto("/p/team-partners/actions?timeframe=any_time");
  await expect(page.getByTestId("tile-occurrences")).toHaveText("1");
  await expect(page.getByRole("region", { name: /No actions yet/ })).toHaveCount(0);

  // A teammate, invited by email, joins as viewer.
  await page.goto("/p/team-partners/members");
  const mailed = sink.messages.length;
  await page.getByLabel("Email").fill(MATE.email);
  await page.getByLabel("Role", { exact: true }).selectOption("viewer");
  await page.getByRole("button", { name: "Invite", exact: true }).click();
  await expect(page.getByText(`Invitation sent to ${MATE.email}`)).toBeVisible();
  const invitation = linkIn(await mailTo(MATE.email, mailed), "/invitations");

  const mateContext = await browser.newContext();
  const mate = await mateContext.newPage();
  await mate.goto(invitation);
  await expect(mate.getByRole("heading", { name: "Join Team Partners" })).toBeVisible();
  await mate.getByLabel("Your name").fill(MATE.name);
  await mate.getByLabel("Choose a password").fill(MATE.password);
  await mate.getByRole("button", { name: "Create account and join" }).click();
  await mate.waitForURL(/\/p\/team-partners\/actions/);
  await expect(mate.getByTestId("tile-occurrences")).toBeVisible();
  // The link works once.
  await mate.goto(invitation);
  await expect(mate.getByText("has been used already")).toBeVisible();

  // A viewer manages nothing.
  await mate.goto("/p/team-partners/members");
  await expect(mate.getByText("Your role is viewer")).toBeVisible();
  await expect(mate.getByRole("button", { name: "Invite" })).toHaveCount(0);
  await expect(mate.getByRole("button", { name: /Remove/ })).toHaveCount(0);
  await mate.goto("/p/team-partners/api-keys");
  await expect(mate.getByText("Only program owners can see and manage API keys.")).toBeVisible();

  // The owner makes them a manager: their session ends at once.
  await page.goto("/p/team-partners/members");
  await page.getByLabel(`Role of ${MATE.name}`, { exact: true }).selectOption("manager");
  await page.getByRole("button", { name: `Save the role of ${MATE.name}` }).click();
  await expect(page.getByText("Role changed to manager.")).toBeVisible();
  await mate.goto("/p/team-partners/members");
  await expect(mate).toHaveURL(/\/signin/);
  await fillSignIn(mate, MATE.email, MATE.password);
  await mate.waitForURL((url) => !url.pathname.startsWith("/signin"));
  await mate.goto("/p/team-partners/members");
  await expect(mate.getByText("Your role is manager")).toBeVisible();

  // Removed: the next request is refused.
  page.once("dialog", (dialog) => dialog.accept());
  await page.getByRole("button", { name: `Remove ${MATE.name}` }).click();
  // The row goes (its own message with it).
  await expect(page.getByRole("row", { name: new RegExp(MATE.email) })).toHaveCount(0);
  await mate.goto("/p/team-partners/actions");
  await expect(mate).toHaveURL(/\/signin/);
  await fillSignIn(mate, MATE.email, MATE.password);
  await mate.waitForURL((url) => !url.pathname.startsWith("/signin"));
  const refused = await mate.goto("/p/team-partners/actions");
  expect(refused?.status()).toBe(403);

  // A forgotten password, reset by email; the old one stops working.
  await mateContext.clearCookies();
  await mate.goto("/signin");
  await mate.getByRole("link", { name: "Forgot password?" }).click();
  // The sign-in form has an Email field too: fill only once the other page is there.
  await expect(mate.getByRole("heading", { name: "Forgot your password?" })).toBeVisible();
  const before = sink.messages.length;
  await mate.getByLabel("Email").fill(MATE.email);
  await mate.getByRole("button", { name: "Send a reset link" }).click();
  await expect(mate.getByText(`If an account exists for ${MATE.email}`)).toBeVisible();
  const reset = linkIn(await mailTo(MATE.email, before), "/reset-password");
  await mate.goto(reset);
  await mate.getByLabel("New password", { exact: true }).fill("orbit-sparrow-granite-64");
  await mate.getByLabel("New password again").fill("orbit-sparrow-granite-64");
  await mate.getByRole("button", { name: "Set new password" }).click();
  await expect(mate.getByText("Your password is changed.")).toBeVisible();
  await mate.goto(reset);
  await expect(mate.getByText("has been used already")).toBeVisible();
  await signInWithForm(mate, MATE.email, "orbit-sparrow-granite-64");
  await expect(mate.getByRole("heading", { name: "No programs yet" })).toBeVisible();
  await mateContext.close();
});
