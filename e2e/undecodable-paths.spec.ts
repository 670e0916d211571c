import { expect, test } from "@playwright/test";
import { seedMember } from "./support/seed";
import { signIn } from "./support/sign-in";

// Next fails to percent-decode such paths while matching routes; the proxy answers first.
test("a path that does not percent-decode is a 400 naming it, not a plain-text 500", async ({
  page,
  request,
}) => {
  for (const [method, path, field] of [
    ["DELETE", "/api/v2/actions/a%ffb", "key"],
    ["GET", "/api/v2/customers/%E0%A4%A", "customer_key"],
    ["PATCH", "/api/v2/partnerships/x%ff", "partner_key"],
    ["PATCH", "/api/v2/groups/x%ff", "group_key"],
    ["PATCH", "/api/v2/tags/%E0%A4%A", "tag_name"],
  ] as const) {
    const response = await request.fetch(path, { method });
    expect(response.status(), path).toBe(400);
    expect(response.headers()["content-type"]).toContain("application/json");
    const body = await response.json();
    expect(body.status).toBe(400);
    expect(body.errors?.[0]?.field, path).toBe(field);
    expect(response.headers()["x-content-type-options"]).toBe("nosniff");
  }

  const { user, program } = await seedMember();
  await signIn(page, user.email, user.password);
  const pageResponse = await page.goto(`/p/${program.slug}%ff/actions`);
  expect(pageResponse?.status()).toBe(400);
  expect(pageResponse?.headers()["content-type"]).toContain("text/html");
  await expect(page.locator("body")).toContainText(/address/i);
  // Still a working app around it.
  expect((await page.goto(`/p/${program.slug}/actions`))?.status()).toBe(200);
});
