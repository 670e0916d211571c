import { expect, test, type Page } from "@playwright/test";
import { NUMBER_TILES } from "../lib/stats/number-tiles";
import { e2eDatabase, seedTabMember } from "./support/seed";
import { signIn } from "./support/sign-in";

// Issue 26, items 7 and 9: saved views you can keep, and loading without jumps.

const savedViews = (page: Page) => page.getByRole("button", { name: /^Saved views/ });
const panel = (page: Page) => page.getByRole("dialog", { name: "Saved views" });
const TILES = NUMBER_TILES.map((t) => t.title) as string[];

async function openTab(page: Page, role: "manager" | "viewer" = "manager") {
  const f = await seedTabMember(role);
  await signIn(page, f.user.email, f.user.password);
  await page.goto(`/p/${f.program.slug}/actions?timeframe=any_time`);
  await expect(page.getByTestId("tile-occurrences")).toBeVisible();
  return f;
}

async function box(page: Page, name: string) {
  const b = await page.getByRole("region", { name, exact: true }).first().boundingBox();
  if (!b) throw new Error(`${name} has no box`);
  return b;
}

test("a saved view is named while in force, updated, renamed and deleted", async ({ page }) => {
  await page.setViewportSize({ width: 1440, height: 900 });
  const f = await openTab(page);
  const { prisma } = await e2eDatabase();
  const views = () =>
    prisma.savedView.findMany({
      where: { programId: f.program.id },
      select: { name: true, query: true },
    });
  await expect(savedViews(page)).toHaveAccessibleName("Saved views");

  await savedViews(page).click();
  await panel(page).getByLabel("Save the current filters as a new view").fill("All time");
  await panel(page).getByRole("button", { name: "Save view" }).click();
  await expect(page).toHaveURL(/[?&]view=\d+/);
  await expect(savedViews(page)).toHaveAccessibleName("Saved views: All time");
  await expect(savedViews(page)).toHaveText(/All time/);
  expect(await views()).toEqual([{ name: "All time", query: "timeframe=any_time" }]);

  // A filter changed since the view was opened.
  await page.keyboard.press("Escape");
  await page.getByLabel("Is marketplace").selectOption("yes");
  await page.getByRole("button", { name: /Reload with the changed filters/ }).click();
  await expect(page).toHaveURL(/marketplace=yes/);
  await expect(savedViews(page)).toHaveText(/Unsaved changes/);
  await expect(savedViews(page)).toHaveAccessibleName("Saved views: unsaved changes to “All time”");
  await page.screenshot({
    path: test.info().outputPath("saved-views-changed-1440.png"),
    fullPage: true,
  });

  await savedViews(page).click();
  await panel(page).getByRole("button", { name: "Update “All time” with these filters" }).click();
  await expect(savedViews(page)).toHaveAccessibleName("Saved views: All time");
  expect(await views()).toEqual([
    { name: "All time", query: "timeframe=any_time&marketplace=yes" },
  ]);

  // Rename in place; a name in use is refused beside the box.
  await page.keyboard.press("Escape");
  await expect(panel(page)).toHaveCount(0);
  await savedViews(page).click();
  const rename = panel(page).getByRole("button", { name: "Rename saved view All time" });
  await rename.click();
  // Escape cancels the rename only: the panel stays open.
  await page.keyboard.press("Escape");
  await expect(panel(page).getByLabel("New name for “All time”")).toHaveCount(0);
  await rename.click();
  await panel(page).getByLabel("New name for “All time”").fill("Marketplace, all time");
  await panel(page).getByRole("button", { name: "Save", exact: true }).click();
  await expect(savedViews(page)).toHaveAccessibleName("Saved views: Marketplace, all time");
  await panel(page)
    .getByLabel("Save the current filters as a new view")
    .fill("Marketplace, all time");
  await panel(page).getByRole("button", { name: "Save view" }).click();
  await expect(panel(page).getByRole("alert")).toHaveText(
    /A view named “Marketplace, all time” already exists/,
  );
  expect(await views()).toEqual([
    { name: "Marketplace, all time", query: "timeframe=any_time&marketplace=yes" },
  ]);
  await page.screenshot({
    path: test.info().outputPath("saved-views-panel-1440.png"),
    fullPage: true,
  });

  // Deleting asks first, in the row; Cancel keeps the view.
  const deleteButton = panel(page).getByRole("button", {
    name: "Delete saved view Marketplace, all time",
  });
  await deleteButton.click();
  await expect(panel(page).getByText("Delete “Marketplace, all time”?")).toBeVisible();
  await panel(page).getByRole("button", { name: "Cancel" }).click();
  expect(await views()).toHaveLength(1);
  await deleteButton.click();
  await panel(page).getByRole("button", { name: "Delete", exact: true }).click();
  await expect(panel(page).getByText("No saved views yet.")).toBeVisible();
  expect(await views()).toEqual([]);
  await expect(savedViews(page)).toHaveAccessibleName("Saved views");

  const audit = await prisma.auditEvent.findMany({
    where: { programId: f.program.id },
    orderBy: { id: "asc" },
    select: { kind: true },
  });
  expect(audit.map((a) => a.kind)).toEqual([
    "saved_views.created",
    "saved_views.updated",
    "saved_views.renamed",
    "saved_views.deleted",
  ]);
});

const TABLE = "Actions by partner, type and value";
const SLOTS = [...TILES.map((t) => `Numbers: ${t}`), "Occurrences over time", TABLE];
const SIDES = ["x", "y", "width", "height"] as const;
type Box = { x: number; y: number; width: number; height: number };

/**
 * From now until `stop`, each frame: the box of whatever holds each tile's place — the tile, or
 * its skeleton while it loads — in page coordinates, or null when neither is on the page.
 */
async function sampleSlots(page: Page) {
  await page.evaluate((slots) => {
    const w = window as unknown as { frames_: Record<string, Box | null>[]; sampling: boolean };
    w.frames_ = [];
    w.sampling = true;
    const frame = () => {
      const sample: Record<string, Box | null> = {};
      for (const id of slots) {
        const el =
          document.querySelector(`[data-skeleton="${id}"]`) ??
          document.querySelector(`[data-kept-height="${id}"]`);
        const r = el?.getBoundingClientRect();
        sample[id] = r ? { x: r.x, y: r.y + scrollY, width: r.width, height: r.height } : null;
      }
      w.frames_.push(sample);
      if (w.sampling) requestAnimationFrame(frame);
    };
    frame();
  }, SLOTS);
  return async () =>
    page.evaluate(() => {
      const w = window as unknown as { frames_: Record<string, Box | null>[]; sampling: boolean };
      w.sampling = false;
      return w.frames_;
    });
}

for (const width of [1440, 390]) {
  test(`Reload keeps each tile's box at ${width} px`, async ({ page, context }) => {
    await page.setViewportSize({ width, height: 900 });
    await openTab(page, "viewer");
    // Every tile in first: on a loaded machine the chart can still be streaming in, and its
    // arrival (skeleton → tile) is not what this test watches.
    await expect(page.locator("[aria-busy=true]")).toHaveCount(0, { timeout: 30_000 });
    if (width < 640) {
      await page.getByRole("button", { name: /^Filters/ }).click();
      await page.getByLabel("Is marketplace").selectOption("yes");
    } else {
      await page.getByLabel("Is marketplace").selectOption("yes");
    }
    const stop = await sampleSlots(page);
    // A slow network keeps the Reload in flight for many frames.
    const cdp = await context.newCDPSession(page);
    await cdp.send("Network.enable");
    await cdp.send("Network.emulateNetworkConditions", {
      offline: false,
      latency: 400,
      downloadThroughput: 40_000,
      uploadThroughput: 40_000,
    });
    await page.getByRole("button", { name: /Reload with the changed filters/ }).click();
    await expect(page).toHaveURL(/marketplace=yes/);
    await expect(page.locator("[aria-busy=true]")).toHaveCount(0, { timeout: 30_000 });
    // Sample until the bar has settled too (the Reload button back to its applied look), so the
    // last frames always show the page after the Reload, whatever the timing.
    await expect(page.locator('button[aria-label^="Reload with the changed filters"]')).toHaveCount(
      0,
    );
    await page.waitForTimeout(300);
    await cdp.send("Network.emulateNetworkConditions", {
      offline: false,
      latency: 0,
      downloadThroughput: -1,
      uploadThroughput: -1,
    });
    const frames = await stop();
    expect(frames.length, "frames sampled during the Reload").toBeGreaterThan(10);
    const first = frames[0];
    const moved: string[] = [];
    frames.forEach((sample, at) => {
      for (const id of SLOTS) {
        const b = sample[id];
        const was = first[id];
        if (!was) moved.push(`${id} had no box before the Reload`);
        else if (!b) moved.push(`frame ${at}: ${id} left the page`);
        else {
          // The table's rows change with the filters, so its height may; nothing else's does.
          const sides = id === TABLE ? (["x", "y", "width"] as const) : SIDES;
          for (const side of sides) {
            if (Math.abs(b[side] - was[side]) > 1) {
              moved.push(`frame ${at}: ${id} ${side} ${was[side]} → ${b[side]}`);
            }
          }
        }
      }
    });
    expect(moved.slice(0, 10)).toEqual([]);
    await page.screenshot({ path: test.info().outputPath(`reload-${width}.png`), fullPage: true });
  });
}

test("paging the table keeps it in view, and the pager's focus", async ({ page }) => {
  await page.setViewportSize({ width: 1440, height: 900 });
  await openTab(page, "viewer");
  const pager = page.getByRole("navigation", { name: "Table pages" });
  await pager.scrollIntoViewIfNeeded();
  const scrolled = await page.evaluate(() => scrollY);
  expect(scrolled).toBeGreaterThan(0);
  await pager.getByRole("link", { name: "Next →" }).click();
  await expect(pager.getByText(/^Page 2 of \d+$/)).toBeVisible();
  await expect(pager).toBeInViewport();
  expect(await page.evaluate(() => scrollY)).toBeGreaterThan(0);
  await expect(page.locator(":focus")).toHaveText(/Next →|← Previous/);
  // The keyboard goes on from where it was: back to the first page from the pager.
  if ((await page.locator(":focus").textContent()) === "Next →") {
    await page.keyboard.press("Shift+Tab");
  }
  await expect(page.locator(":focus")).toHaveText("← Previous");
  await page.keyboard.press("Enter");
  await expect(pager.getByText(/^Page 1 of \d+$/)).toBeVisible();
  await expect(pager).toBeInViewport();
  await page.screenshot({ path: test.info().outputPath("paging-1440.png"), fullPage: false });
});

test("at 390 px the save form floats: the number tiles do not move", async ({ page }) => {
  await page.setViewportSize({ width: 390, height: 844 });
  await openTab(page);
  const tile = await box(page, "Occurrences");
  await savedViews(page).click();
  await panel(page).getByLabel("Save the current filters as a new view").fill("Phone view");
  expect(await box(page, "Occurrences")).toEqual(tile);
  const width = await page.evaluate(() => document.documentElement.scrollWidth);
  expect(width).toBeLessThanOrEqual(390);
  await page.screenshot({ path: test.info().outputPath("saved-views-390.png"), fullPage: true });
  await panel(page).getByRole("button", { name: "Save view" }).click();
  await expect(savedViews(page)).toHaveAccessibleName("Saved views: Phone view");
  expect(await box(page, "Occurrences")).toEqual(tile);
  await page.screenshot({
    path: test.info().outputPath("saved-views-saved-390.png"),
    fullPage: true,
  });
});
