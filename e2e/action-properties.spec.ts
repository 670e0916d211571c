// Action properties end to end: actions sent over HTTP with properties, the property filter
// chosen in the bar (values with a comma), the count it leaves, and the drill-down listing the
// properties as chips — at 1,440 px and on a 390 px phone (no sideways scroll of the page).
import { expect, test, type APIRequestContext, type Page } from "@playwright/test";
import { seedApiMember } from "./support/seed";
import { signIn } from "./support/sign-in";
import { expectOccurrencesEventually } from "./support/eventual-occurrences";
import { ONE_ENGINE } from "./support/engines";

const occurrences = (page: Page) => page.getByTestId("tile-occurrences");

/** Three actions: two with properties (one holding a comma), one without. */
async function sendActions(request: APIRequestContext, basic: string) {
  const res = await request.post("/api/v2/actions/batch", {
    headers: { authorization: basic },
    data: {
      actions: [
        {
          target_key: "cus_1",
          target_type: "customer",
          type: "signup_completed",
          properties: { plan: "pro, annual", seats: 5 },
        },
        {
          target_key: "cus_2",
          target_type: "customer",
          type: "signup_completed",
          properties: { plan: "free" },
        },
        { target_key: "ptn_bob", target_type: "partnership", type: "webinar_hosted" },
      ],
    },
  });
  expect(res.status()).toBe(200);
  const body = await res.json();
  expect(body.data.accepted).toBe(3);
}

/** A viewer of a program holding the three actions, signed in. */
async function signedInWithActions(page: Page, request: APIRequestContext) {
  const f = await seedApiMember("viewer");
  await sendActions(request, f.basic);
  await signIn(page, f.user.email, f.user.password);
  return f;
}

const FILTERED = "timeframe=any_time&property=plan%3Dpro%7E1+annual";

test.describe("at 1,440 px", () => {
  test.use({ viewport: { width: 1440, height: 900 } });

  test("a property filter chosen in the bar keeps the matching actions; the drill-down lists their properties", async ({
    page,
    request,
  }) => {
    const f = await signedInWithActions(page, request);
    await page.goto(`/p/${f.program.slug}/actions?timeframe=any_time`);
    await expectOccurrencesEventually(page, 3);

    await page.locator("#f-property-op").selectOption("include");
    await page.getByLabel("Property name").fill("plan");
    await page.getByLabel("Property values, one per line").fill("pro, annual");
    await page.getByRole("button", { name: /Reload with the changed filters/ }).click();
    await expect(page).toHaveURL(/property=plan/);
    expect(new URL(page.url()).searchParams.get("property")).toBe("plan=pro~1 annual");
    await expect(occurrences(page)).toHaveText("1");

    await page
      .getByRole("region", { name: "Actions by partner, type and value" })
      .getByRole("link", { name: /show the actions/ })
      .first()
      .click();
    await expect(page.getByTestId("drill-filters")).toContainText(
      "Action property: plan is one of “pro, annual”",
    );
    const chips = page.getByTestId("drill-properties").getByRole("listitem");
    await expect(chips).toHaveText(["plan=pro, annual", "seats=5"]);
    // A chip keeps its text on one line.
    for (const chip of await chips.all()) {
      const lines = await chip.evaluate((li) => li.getClientRects().length);
      expect(lines).toBe(1);
    }

    // "is not one of" keeps the other two (one without the property).
    await page.goto(`/p/${f.program.slug}/actions?${FILTERED}&property_op=exclude`);
    await expect(occurrences(page)).toHaveText("2");
  });
});

// The layout on a phone does not depend on the engine (the numbers are the 1,440 px test's).
test.describe("on a phone", ONE_ENGINE, () => {
  test.use({ viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true });

  test("the filtered tab and its drill-down fit the screen and list the properties", async ({
    page,
    request,
  }) => {
    const f = await signedInWithActions(page, request);
    await page.goto(`/p/${f.program.slug}/actions?${FILTERED}`);
    await expectOccurrencesEventually(page, 1);
    await expect(page.getByRole("button", { name: "Filters (2)" })).toBeVisible();

    await page.goto(`/p/${f.program.slug}/actions/occurrences?${FILTERED}`);
    await expect(page.getByTestId("drill-properties").getByRole("listitem")).toHaveText([
      "plan=pro, annual",
      "seats=5",
    ]);
    const { scrollWidth, clientWidth } = await page.evaluate(() => ({
      scrollWidth: document.documentElement.scrollWidth,
      clientWidth: document.documentElement.clientWidth,
    }));
    expect(scrollWidth).toBeLessThanOrEqual(clientWidth);
  });
});
