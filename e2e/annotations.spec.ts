// Notes on the chart's time axis (issue 29, item 4): a manager adds one from the keyboard, it
// stands on its bar with a number and is listed under the chart, a viewer reads it without the
// form, the PDF of the chart lists it, and it can be deleted — at 1,440 and 390 px.
import { expect, test, type Page } from "@playwright/test";
import { extractText, getDocumentProxy } from "unpdf";
import { e2eDatabase, seedProgramMember, seedTabMember } from "./support/seed";
import { signIn } from "./support/sign-in";
import { overflow } from "./support/page-crawl";

/** The local day of the program's first action (a bar of the any-time chart), and its partner. */
async function firstAction(programId: number): Promise<{ day: string; partnerKey: string }> {
  const { prisma } = await e2eDatabase();
  const [row] = await prisma.$queryRaw<{ day: string; partnerKey: string }[]>`
    SELECT to_char(a.occurred_at AT TIME ZONE p.timezone, 'YYYY-MM-DD') AS day,
           s.partner_key AS "partnerKey"
    FROM actions a
    JOIN programs p ON p.id = a.program_id
    JOIN partnerships s ON s.program_id = a.program_id AND s.id = a.partnership_id
    WHERE a.program_id = ${programId} AND a.archived_at IS NULL
    ORDER BY a.occurred_at, a.id LIMIT 1`;
  return row;
}

const notes = (page: Page) => page.getByRole("region", { name: "Notes on the chart" });

for (const width of [1440, 390]) {
  test(`a manager notes a day on the chart, a viewer reads it, at ${width} px`, async ({
    page,
    browser,
  }) => {
    await page.setViewportSize({ width, height: 900 });
    const f = await seedTabMember("manager");
    const { day, partnerKey } = await firstAction(f.program.id);
    await signIn(page, f.user.email, f.user.password);
    const tab = `/p/${f.program.slug}/actions?timeframe=any_time&timescale=month`;
    await page.goto(tab);

    const form = page.getByRole("form", { name: "Add a note to the chart" });
    await form.getByLabel("Day").fill(day);
    await form.getByLabel("Note").fill("Spring campaign, launched");
    await form.getByLabel("Note").press("Enter");
    await expect(form.getByText(`Noted on ${day}.`)).toBeVisible();
    await expect(notes(page).getByRole("listitem")).toHaveCount(1);
    await expect(notes(page)).toContainText("Spring campaign, launched");
    await expect(notes(page)).toContainText(f.user.name);
    await expect(page.getByTestId("note-marker")).toHaveText("1");
    expect((await overflow(page)).scrollWidth).toBeLessThanOrEqual(width);

    // The chart's PDF lists it under the chart.
    const pdf = await page.request.get(
      `/p/${f.program.slug}/actions/export/chart.pdf?timeframe=any_time&timescale=month`,
    );
    expect(pdf.status()).toBe(200);
    const document = await getDocumentProxy(new Uint8Array(await pdf.body()));
    const { text } = await extractText(document, { mergePages: true });
    expect(String(text).replace(/\s+/g, " ")).toContain("Spring campaign, launched");

    // The partner's page shows the program's note on its chart too (added on the tab only).
    await page.goto(
      `/p/${f.program.slug}/partners/${encodeURIComponent(partnerKey)}?timeframe=any_time&timescale=month`,
    );
    await expect(notes(page)).toContainText("Spring campaign, launched");
    await expect(page.getByRole("form", { name: "Add a note to the chart" })).toHaveCount(0);
    await page.goto(tab);

    // A viewer reads the note, with no form and no delete button.
    const viewer = await seedProgramMember(f.program.id, "viewer");
    const context = await browser.newContext({ viewport: { width, height: 900 } });
    const other = await context.newPage();
    await signIn(other, viewer.email, viewer.password);
    await other.goto(tab);
    await expect(notes(other)).toContainText("Spring campaign, launched");
    await expect(other.getByRole("form", { name: "Add a note to the chart" })).toHaveCount(0);
    await expect(notes(other).getByRole("button")).toHaveCount(0);
    await context.close();

    await notes(page)
      .getByRole("button", { name: `Delete the note of ${day}` })
      .click();
    await expect(notes(page)).toHaveCount(0);
    await expect(page.getByTestId("note-marker")).toHaveCount(0);
  });
}
