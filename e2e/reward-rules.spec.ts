import { expect, test } from "@playwright/test";
import { seedApiMember } from "./support/seed";
import { signIn } from "./support/sign-in";

test("a manager edits a rule, a bad amount is explained, and new actions earn the new amount", async ({
  page,
  request,
}) => {
  const { user, program, basic } = await seedApiMember("manager");
  await signIn(page, user.email, user.password);
  await page.goto(`/p/${program.slug}/reward-rules`);
  // The only rule's amount is whole: shown without cents.
  await expect(page.getByRole("row", { name: /Signup bounty/ })).toContainText(/\$5(?![.\d])/);

  await page.getByRole("link", { name: "Edit Signup bounty" }).click();
  // The edit form replaces the "Add a rule" form once the navigation commits.
  await expect(page.getByRole("heading", { name: "Edit “Signup bounty”" })).toBeVisible();
  await page.getByLabel("Amount per action").fill("7.5x");
  await page.getByRole("button", { name: "Save changes" }).click();
  await expect(page.getByText("Amount must be a number with at most 2 decimals")).toBeVisible();
  await expect(page.getByLabel("Amount per action")).toHaveValue("7.5x");

  await page.getByLabel("Amount per action").fill("7.50");
  await page.getByRole("button", { name: "Save changes" }).click();
  await expect(page.getByRole("status")).toContainText("Saved “Signup bounty”");
  await expect(page.getByRole("row", { name: /Signup bounty/ })).toContainText("$7.50");

  const sent = await request.post("/api/v2/actions", {
    data: { target_key: "cus_1", target_type: "customer", type: "signup_completed" },
    headers: { authorization: basic },
  });
  expect((await sent.json()).data.reward_outcome.rules[0]).toMatchObject({
    rule_name: "Signup bounty",
    amount: 750,
  });

  await page.reload();
  await expect(
    page
      .getByRole("row", { name: /Signup bounty/ })
      .getByRole("cell")
      .nth(5),
  ).toHaveText("1");
});

test("a viewer reads rules but cannot edit them", async ({ page }) => {
  const { user, program } = await seedApiMember("viewer");
  await signIn(page, user.email, user.password);
  await page.goto(`/p/${program.slug}/reward-rules`);
  await expect(page.getByRole("row", { name: /Reseller demo/ })).toContainText("group Resellers");
  await expect(page.getByRole("link", { name: /^Edit/ })).toHaveCount(0);
  await expect(page.getByText("Only owners and managers can change reward rules.")).toBeVisible();
});
