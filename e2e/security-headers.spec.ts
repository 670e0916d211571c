import { expect, test, type APIResponse, type Page, type Response } from "@playwright/test";
import { seedApiMember, seedProgram, seedTabMember } from "./support/seed";
import { signInWithForm } from "./support/sign-in";

type Headers = Record<string, string>;

/**
 * Every Content-Security-Policy violation the page reports, across navigations: the DOM event
 * (listened to by an init script, which the page's policy does not govern) and Chromium's
 * console message.
 */
async function watchViolations(page: Page): Promise<string[]> {
  const violations: string[] = [];
  await page.exposeBinding("__reportCspViolation", ({ frame }, text: string) => {
    violations.push(`${new URL(frame.url()).pathname}: ${text}`);
  });
  await page.addInitScript(() => {
    const report = (window as unknown as { __reportCspViolation(text: string): void })
      .__reportCspViolation;
    document.addEventListener(
      "securitypolicyviolation",
      (event) =>
        report(
          `${event.effectiveDirective} refused ${event.blockedURI || "inline"} ${event.sample}`,
        ),
      true,
    );
  });
  page.on("console", (message) => {
    if (/Content.Security.Policy/i.test(message.text())) {
      violations.push(`${new URL(page.url()).pathname}: console: ${message.text()}`);
    }
  });
  return violations;
}

/** Responses of Next's static assets, which next.config.ts (not the proxy) gives their headers. */
function collectStaticAssets(page: Page): Response[] {
  const assets: Response[] = [];
  page.on("response", (response) => {
    if (new URL(response.url()).pathname.startsWith("/_next/static/")) assets.push(response);
  });
  return assets;
}

function expectFixedHeaders(headers: Headers) {
  expect(headers["x-content-type-options"]).toBe("nosniff");
  expect(headers["x-frame-options"]).toBe("DENY");
  expect(headers["referrer-policy"]).toBe("same-origin");
  // The end-to-end servers run on http (NEXTAUTH_URL), where HSTS must not be sent.
  expect(headers["strict-transport-security"]).toBeUndefined();
}

/** The page policy: scripts by this response's nonce only; returns the nonce. */
function expectPagePolicy(headers: Headers): string {
  expectFixedHeaders(headers);
  const policy = headers["content-security-policy"] ?? "";
  const nonce = /script-src 'self' 'nonce-([A-Za-z0-9+/=]{24})' 'strict-dynamic'(;|$)/.exec(policy);
  expect(nonce, policy).not.toBeNull();
  expect(policy).not.toContain("unsafe-eval");
  expect(policy).toContain("frame-ancestors 'none'");
  expect(policy).toContain("object-src 'none'");
  return nonce![1];
}

function expectApiPolicy(response: APIResponse) {
  expectFixedHeaders(response.headers());
  expect(response.headers()["content-security-policy"]).toBe(
    "default-src 'none'; frame-ancestors 'none'",
  );
}

function expectDocumentPolicy(headers: Headers) {
  expectFixedHeaders(headers);
  const policy = headers["content-security-policy"] ?? "";
  expect(policy).toMatch(/^default-src 'none';/);
  expect(policy).not.toContain("script-src");
  expect(policy).toContain("frame-ancestors 'none'");
}

/**
 * Opens a page and requires: the status, the page policy, its nonce on every script tag Next
 * wrote, React hydrated (so the scripts ran), and no violation on the way.
 */
async function visit(page: Page, violations: string[], path: string, status = 200) {
  const response = await page.goto(path);
  expect(response?.status(), path).toBe(status);
  const nonce = expectPagePolicy(response!.headers());
  const scripts = (await response!.text()).match(/<script\b[^>]*>/g) ?? [];
  expect(scripts.length, path).toBeGreaterThan(0);
  for (const script of scripts) expect(script, path).toContain(`nonce="${nonce}"`);
  await expect
    .poll(
      () =>
        page.evaluate(() => Object.keys(document.body).some((k) => k.startsWith("__reactFiber$"))),
      { message: `${path} hydrated; violations: ${violations.join("\n")}` },
    )
    .toBe(true);
  expect(violations, path).toEqual([]);
}

test("signed out: sign-in, API docs, the API and redirects carry the headers", async ({
  page,
  request,
}) => {
  const violations = await watchViolations(page);
  const assets = collectStaticAssets(page);

  await visit(page, violations, "/signin");
  await visit(page, violations, "/docs/api");
  await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
  // Accounts' signed-out pages: a forged one-time link is a page saying so; setup is over.
  await visit(page, violations, "/forgot-password");
  await visit(page, violations, "/reset-password/forged-token");
  await visit(page, violations, "/invitations/eyJwIjoxfQ.forged");
  await visit(page, violations, "/setup", 404);

  const first = await request.get("/signin");
  const second = await request.get("/signin");
  expect(expectPagePolicy(first.headers())).not.toBe(expectPagePolicy(second.headers()));

  const redirected = await request.get("/p/some-program/actions", { maxRedirects: 0 });
  expect(redirected.status()).toBe(307);
  expectPagePolicy(redirected.headers());

  const unauthorized = await request.get("/api/v2/actions");
  expect(unauthorized.status()).toBe(401);
  expectApiPolicy(unauthorized);
  const openApi = await request.get("/api/v2/openapi.json");
  expect(openApi.status()).toBe(200);
  expectApiPolicy(openApi);
  // A delivery's signed links are served signed out: the file as a document, the unsubscribe
  // page as a page (a forged token is a 404 either way).
  const forgedFile = await request.get("/deliveries/eyJwIjoxfQ.forged");
  expect(forgedFile.status()).toBe(404);
  expectDocumentPolicy(forgedFile.headers());
  await visit(page, violations, "/unsubscribe/eyJwIjoxfQ.forged", 404);
  const oneClick = await request.post("/unsubscribe/eyJwIjoxfQ.forged/one-click");
  expect(oneClick.status()).toBe(404);
  expectDocumentPolicy(oneClick.headers());
  const csrf = await request.get("/api/auth/csrf");
  expect(csrf.status()).toBe(200);
  expectDocumentPolicy(csrf.headers());

  expect(assets.some((a) => a.url().endsWith(".js"))).toBe(true);
  expect(assets.some((a) => a.url().endsWith(".css"))).toBe(true);
  for (const asset of assets) expectFixedHeaders(await asset.allHeaders());
});

test("the Actions tab, its chart, drill-down, exports, 404 and 403 pass the policy", async ({
  page,
}) => {
  const violations = await watchViolations(page);
  const f = await seedTabMember();
  const other = await seedProgram();
  await signInWithForm(page, f.user.email, f.user.password);
  expect(violations).toEqual([]);

  const tab = `/p/${f.program.slug}/actions?timeframe=any_time`;
  await visit(page, violations, tab);
  // The chart's bars (Recharts' SVG; inline styles only as attributes, which the policy allows).
  await expect(page.locator(".recharts-bar rect").first()).toBeAttached();
  await page.getByLabel("Is marketplace").selectOption("yes");
  await expect(page.getByText("press Reload to apply them")).toBeVisible();

  await visit(page, violations, `/p/${f.program.slug}/actions/occurrences?timeframe=any_time`);
  await expect(page.getByTestId("drill-total")).toBeVisible();

  const csv = await page.request.get(
    `/p/${f.program.slug}/actions/export/table.csv?timeframe=any_time`,
  );
  expect(csv.status()).toBe(200);
  expect(csv.headers()["content-type"]).toBe("text/csv; charset=utf-8");
  expectDocumentPolicy(csv.headers());

  // A download that fails renders its own small HTML page (inline CSS, no script).
  const failed = await page.goto(`/p/${f.program.slug}/actions/export/nonsense.txt`);
  expect(failed?.status()).toBe(404);
  expectDocumentPolicy(failed!.headers());
  await expect(page.getByRole("heading", { name: "The file could not be made" })).toBeVisible();
  expect(violations).toEqual([]);

  await visit(page, violations, "/p/no-such-program/actions", 404);
  await expect(
    page.getByRole("heading", { name: "There is nothing at this address" }),
  ).toBeVisible();
  await visit(page, violations, "/no/such/page", 404);
  await visit(page, violations, `/p/${other.slug}/actions`, 403);
  await expect(
    page.getByRole("heading", { name: "You are not a member of this program" }),
  ).toBeVisible();
});

test("an owner's pages (API keys, reward rules, API log, partners, deliveries, audit log, members, settings, new program, account) pass the policy", async ({
  page,
}) => {
  const violations = await watchViolations(page);
  const { user, program } = await seedApiMember("owner");
  await signInWithForm(page, user.email, user.password);

  await visit(page, violations, `/p/${program.slug}/api-keys`);
  // A server action round trip under the policy.
  await page.getByLabel("Label").fill("CSP check");
  await page.getByRole("button", { name: "Create key" }).click();
  await expect(page.getByTestId("new-secret")).toBeVisible();

  await visit(page, violations, `/p/${program.slug}/reward-rules`);
  await visit(page, violations, `/p/${program.slug}/api-log`);
  await visit(page, violations, `/p/${program.slug}/partners`);
  await visit(page, violations, `/p/${program.slug}/deliveries`);
  // The key created above is its first entry; its details open in place.
  await visit(page, violations, `/p/${program.slug}/audit`);
  await page.locator("summary", { hasText: "Details" }).first().click();
  await visit(page, violations, `/p/${program.slug}/members`);
  await visit(page, violations, "/account");
  await visit(page, violations, `/p/${program.slug}/settings`);
  await visit(page, violations, `/programs/new`);
  expect(violations).toEqual([]);
});
