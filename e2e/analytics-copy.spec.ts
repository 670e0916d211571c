import { expect, test, type Page } from "@playwright/test";
import { seedApiMember } from "./support/seed";
import { signIn } from "./support/sign-in";
import { expectOccurrencesEventually } from "./support/eventual-occurrences";

// Runs against the server whose Actions tab reads embedded ClickHouse: what the API stores in
// PostgreSQL reaches the tab through the outbox, without anyone running a sync.
const occurrences = (page: Page) => page.getByTestId("tile-occurrences");

const expectOccurrences = expectOccurrencesEventually;

test("actions sent to the API are counted on the ClickHouse-backed tab, and leave it when archived", async ({
  page,
  request,
}) => {
  const f = await seedApiMember("viewer");
  await signIn(page, f.user.email, f.user.password);
  await page.goto(`/p/${f.program.slug}/actions?timeframe=any_time`);
  await expect(occurrences(page)).toHaveText("0");

  const headers = { authorization: f.basic };
  const one = await request.post("/api/v2/actions", {
    headers,
    data: {
      key: "e2e-one",
      target_key: "cus_1",
      target_type: "customer",
      type: "signup_completed",
    },
  });
  expect(one.status()).toBe(200);
  await expectOccurrences(page, 1);

  const batch = await request.post("/api/v2/actions/batch", {
    headers,
    data: {
      actions: [
        { target_key: "ptn_bob", target_type: "partnership", type: "demo_booked", value: 2 },
        { target_key: "cus_2", target_type: "customer", type: "signup_completed" },
        { target_key: "nobody", target_type: "customer", type: "signup_completed" },
      ],
    },
  });
  expect(batch.status()).toBe(200);
  await expectOccurrences(page, 3);
  // Rewards made at ingestion are in the copy too: $5 + $25 + $5.
  await expect(page.getByTestId("tile-rewardCents")).toHaveText("$35");

  const archived = await request.delete("/api/v2/actions/e2e-one", { headers });
  expect(archived.status()).toBe(200);
  await expectOccurrences(page, 2);
  await expect(page.getByTestId("analytics-freshness")).toHaveCount(0);
  await page.screenshot({ path: "artifacts/screenshots/clickhouse-tab.png", fullPage: true });
});
