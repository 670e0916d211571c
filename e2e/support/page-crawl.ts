// Every page of the app, walked as the crawlers do (the route tree read at test time), signed in
// as an owner of a program whose values are as wide as real ones get: the 390 px crawl
// (reading-phones.spec.ts) and the 1,440 px one (reading-wide.spec.ts) walk the same list.
// With E2E_SCREENSHOTS=all each keeps a full-page screenshot of every page it visits in
// artifacts/screenshots/pages-<width>/ (kept across runs, unlike test-results/, which Playwright
// empties); by default only the pages that fail are photographed, into the test's own folder.
import { randomBytes } from "node:crypto";
import { copyFileSync, mkdirSync, rmSync } from "node:fs";
import path from "node:path";
import { expect, type Page, type TestInfo } from "@playwright/test";
import { z } from "zod";
import { e2eDatabase, seedProgramMember } from "./seed";
import { fillPattern, listAppRoutes } from "./route-tree";
import { seedWideProgram } from "./wide-program";

/** `E2E_SCREENSHOTS`: `failures` (the default) or `all`. */
export const SCREENSHOTS = z
  .enum(["failures", "all"], { message: "E2E_SCREENSHOTS must be failures or all" })
  .default("failures")
  .parse(process.env.E2E_SCREENSHOTS || undefined);

/** Where the crawl at `width` keeps every page's screenshot with E2E_SCREENSHOTS=all. */
export const keptScreenshots = (width: number) =>
  path.join("artifacts", "screenshots", `pages-${width}`);

/**
 * How wide the document is, and the elements that make it wider than the screen: past its edge
 * and not inside a box that clips or scrolls them (those are the box's business).
 */
export const overflow = (page: Page) =>
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
export async function seedOwnerOfWideProgram() {
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
  // A share link of a saved view of every action: the shared page is crawled too.
  const view = await prisma.savedView.create({
    data: {
      programId: f.program.id,
      userId: owner.id,
      name: "Every action of the enterprise partner portal, any time, by month",
      query: "timeframe=any_time&timescale=month",
    },
  });
  const share = await prisma.shareLink.create({
    data: {
      programId: f.program.id,
      savedViewId: view.id,
      token: randomBytes(32).toString("base64url"),
      createdBy: owner.id,
    },
  });
  return { ...f, owner, shareToken: share.token };
}

/**
 * Visits every page of the route tree (its dynamic segments filled with the wide program's
 * values) at the page's current width and returns the pages wider than the screen, each with
 * what makes it so. A wide page is photographed into the test's folder; with E2E_SCREENSHOTS=all
 * every page is, into `keptScreenshots(width)`, emptied first so it holds this run's pages only.
 */
export async function crawlEveryPage(
  page: Page,
  testInfo: TestInfo,
  f: Awaited<ReturnType<typeof seedOwnerOfWideProgram>>,
): Promise<string[]> {
  const width = page.viewportSize()!.width;
  const kept = keptScreenshots(width);
  if (SCREENSHOTS === "all") {
    rmSync(kept, { recursive: true, force: true });
    mkdirSync(kept, { recursive: true });
  }
  const values = {
    slug: [f.program.slug],
    partnerKey: [f.partner.key],
    program: [String(f.program.id)],
    // Forged for the one-time links; the share link's own token opens the shared page.
    token: ["eyJwIjoxfQ.forged", f.shareToken],
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
      const file = path.join(kept, `${name}.png`);
      if (SCREENSHOTS === "all") await page.screenshot({ path: file, fullPage: true });
      if (scrollWidth > clientWidth) {
        wide.push(`${url}: ${scrollWidth} px (${culprit})`);
        // A picture of each page that fails (a tenth of the crawl's time when taken of all).
        const failed = testInfo.outputPath(`${name}-${width}.png`);
        if (SCREENSHOTS === "all") copyFileSync(file, failed);
        else await page.screenshot({ path: failed, fullPage: true });
        await testInfo.attach(name, { path: failed, contentType: "image/png" });
      }
    }
  }
  return wide;
}
