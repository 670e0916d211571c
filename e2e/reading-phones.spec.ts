// Phones, numbers first (issue 26, item 5): at 390 px no page of the app scrolls sideways — every
// page of the route tree, walked as the crawlers do, signed in as an owner of a program whose
// values are as wide as real ones get — and the tab's and the partner page's rows are cards whose
// occurrences and rewards are on the screen.
import { expect, test, type Page, type TestInfo } from "@playwright/test";
import { e2eDatabase, seedProgramMember } from "./support/seed";
import { signIn } from "./support/sign-in";
import { seedWideProgram } from "./support/wide-program";
import { fillPattern, listAppRoutes } from "./support/route-tree";

test.use({ viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true });

async function screenshot(page: Page, testInfo: TestInfo, name: string) {
  const path = testInfo.outputPath(`${name}-390.png`);
  await page.screenshot({ path, fullPage: true });
  await testInfo.attach(name, { path, contentType: "image/png" });
}

/**
 * How wide the document is, and the elements that make it wider than the screen: past its edge
 * and not inside a box that clips or scrolls them (those are the box's business).
 */
const overflow = (page: Page) =>
  page.evaluate(() => {
    const { scrollWidth, clientWidth } = document.documentElement;
    const culprits: string[] = [];
    if (scrollWidth > clientWidth) {
      const clipped = (el: Element) => {
        for (let p = el.parentElement; p && p !== document.body; p = p.parentElement) {
          if (getComputedStyle(p).overflowX !== "visible") return true;
        }
        return false;
      };
      for (const el of document.body.querySelectorAll("*")) {
        if (el.getBoundingClientRect().right > clientWidth + 1 && !clipped(el)) {
          const text = (el.textContent ?? "").trim().slice(0, 40);
          culprits.push(`<${el.tagName.toLowerCase()} class="${el.className}"> ${text}`);
        }
      }
    }
    return { scrollWidth, clientWidth, culprit: culprits.slice(-3).join(" | ") };
  });

/** A program with wide values, an owner, an API key and reward rules: every table has rows. */
async function seedOwnerOfWideProgram() {
  const f = await seedWideProgram();
  const { prisma } = await e2eDatabase();
  const owner = await seedProgramMember(f.program.id, "owner");
  await prisma.apiKey.create({
    data: {
      programId: f.program.id,
      label: "Production backend of the enterprise partner portal",
      mode: "live",
      publicKey: `pk_live_${f.program.id}_wolfeschlegelsteinhausen`,
      secretHash: "not-a-real-hash",
    },
  });
  return { ...f, owner };
}

test("no page of the app scrolls sideways at 390 px", async ({ page }, testInfo) => {
  test.setTimeout(240_000);
  const f = await seedOwnerOfWideProgram();
  await signIn(page, f.owner.email, f.owner.password);
  const values = {
    slug: [f.program.slug],
    partnerKey: [f.partner.key],
    token: ["eyJwIjoxfQ.forged"],
  };
  const pages = listAppRoutes().filter((r) => r.kind === "page");
  // The crawl would miss a page whose route is not in the tree: the tree has the known ones.
  for (const known of ["/p/[slug]/api-keys", "/p/[slug]/reward-rules", "/docs/api"])
    expect(pages.map((r) => r.pattern)).toContain(known);
  const wide: string[] = [];
  for (const route of pages) {
    for (const url of fillPattern(route, values)) {
      await page.goto(url);
      await page.waitForLoadState("networkidle");
      const name = route.pattern.replace(/[^a-z0-9]+/gi, "-").replace(/^-|-$/g, "") || "home";
      const { scrollWidth, clientWidth, culprit } = await overflow(page);
      if (scrollWidth > clientWidth) {
        wide.push(`${url}: ${scrollWidth} px (${culprit})`);
        // A picture of each page that fails (a tenth of the crawl's time when taken of all).
        await screenshot(page, testInfo, name);
      }
    }
  }
  expect(wide, "pages wider than the screen").toEqual([]);
});

test("the tab's and the partner page's rows are cards with their numbers on the screen", async ({
  page,
}, testInfo) => {
  const f = await seedOwnerOfWideProgram();
  await signIn(page, f.owner.email, f.owner.password);

  await page.goto(`/p/${f.program.slug}/actions`);
  const tile = page.getByRole("region", { name: "Actions by partner, type and value" });
  const cards = tile.getByRole("list", { name: "Rows of the table" });
  await expect(cards).toBeVisible();
  await expect(tile.getByRole("table")).toBeHidden();
  // Six actions: three of each type, each type one row; the numbers are the seed's.
  const rows = cards.getByRole("listitem");
  await expect(rows).toHaveCount(3); // two rows and the totals
  for (const card of await rows.all()) {
    await card.scrollIntoViewIfNeeded();
    await expect(card.getByRole("link").last()).toBeInViewport({ ratio: 1 });
  }
  const signup = rows.filter({ hasText: "enterprise_signup_completed" });
  await expect(signup.getByRole("link", { name: /^3 occurrences/ })).toBeInViewport({ ratio: 1 });
  // Three signups at the launch bonus each.
  await expect(signup).toContainText("$370,370.34");
  await expect(tile.getByTestId("card-totals")).toContainText("6");
  await screenshot(page, testInfo, "tab-cards");

  await page.goto(`/p/${f.program.slug}/partners/${f.partner.key}?timeframe=any_time`);
  const section = page.getByRole("region", { name: "Actions by type and value" });
  const partnerCards = section.getByRole("list", { name: "Actions by type and value" });
  await expect(partnerCards.getByRole("listitem")).toHaveCount(3);
  await expect(section.getByRole("table")).toBeHidden();
  for (const card of await partnerCards.getByRole("listitem").all()) {
    await card.scrollIntoViewIfNeeded();
    await expect(card.getByRole("link")).toBeInViewport({ ratio: 1 });
  }
  await expect(
    partnerCards.getByRole("listitem").filter({ hasText: "enterprise_signup_completed" }),
  ).toContainText("$370,370.34");
  await screenshot(page, testInfo, "partner-cards");
});
