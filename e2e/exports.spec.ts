import { readFile } from "node:fs/promises";
import { ONE_ENGINE } from "./support/engines";
import { expect, test } from "@playwright/test";
import Papa from "papaparse";
import { extractText, getDocumentProxy } from "unpdf";
import { seedProgram, seedTabMember } from "./support/seed";
import { signIn } from "./support/sign-in";

test("a tile's ⋮ menu downloads CSV and PDF files that hold the tile's numbers", async ({
  page,
}) => {
  const f = await seedTabMember();
  const live = f.actions.filter((a) => !a.archived);
  await signIn(page, f.user.email, f.user.password);
  await page.goto(`/p/${f.program.slug}/actions?timeframe=any_time`);
  const table = page.getByRole("region", { name: "Actions by partner, type and value" });

  const tableMenu = table.getByLabel("Download Actions by partner, type and value");
  await tableMenu.click();
  const [csv] = await Promise.all([
    page.waitForEvent("download"),
    table.getByRole("link", { name: "CSV", exact: true }).click(),
  ]);
  expect(csv.suggestedFilename()).toMatch(
    new RegExp(`^${f.program.slug}_table_any-time_\\d{4}-\\d{2}-\\d{2}\\.csv$`),
  );
  const rows = Papa.parse<string[]>(
    (await readFile(await csv.path())).toString("utf8").replace(/^\uFEFF/, ""),
    { skipEmptyLines: true },
  ).data;
  // Rows only (the totals row is "CSV with totals", e2e/download-menu.spec.ts): they add up.
  const body = rows.slice(1);
  expect(body.filter((row) => row[0].startsWith("Total"))).toEqual([]);
  expect(body.reduce((sum, row) => sum + Number(row[5]), 0)).toBe(live.length);

  // The menu closed after the download; open it again for the PDF.
  await tableMenu.click();
  const [pdf] = await Promise.all([
    page.waitForEvent("download"),
    table.getByRole("link", { name: "PDF", exact: true }).click(),
  ]);
  expect(pdf.suggestedFilename()).toMatch(/_table_.*\.pdf$/);
  const { text } = await extractText(
    await getDocumentProxy(new Uint8Array(await readFile(await pdf.path()))),
    { mergePages: true },
  );
  expect(String(text).replace(/\s+/g, " ")).toContain(`Total ${live.length}`);

  // The whole tab as one PDF, from the tab's own menu.
  await page.getByLabel("Download the whole Actions tab").click();
  const [tabPdf] = await Promise.all([
    page.waitForEvent("download"),
    page.getByRole("link", { name: "PDF", exact: true }).first().click(),
  ]);
  expect(tabPdf.suggestedFilename()).toMatch(/_actions_.*\.pdf$/);
});

test("export URLs need a session and a membership", ONE_ENGINE, async ({ page, request }) => {
  const f = await seedTabMember();
  const other = await seedProgram();
  const signedOut = await request.get(
    `/p/${f.program.slug}/actions/export/table.csv?timeframe=any_time`,
    { maxRedirects: 0 },
  );
  expect(signedOut.status()).toBe(307);
  expect(signedOut.headers().location).toContain("/signin?callbackUrl=");

  await signIn(page, f.user.email, f.user.password);
  for (const file of [
    "occurrences.csv",
    "chart.pdf",
    "table.csv",
    "actions.csv",
    "tab.pdf",
    "tab.zip",
  ]) {
    const response = await page.request.get(
      `/p/${other.slug}/actions/export/${file}?timeframe=any_time`,
    );
    expect(response.status(), file).toBe(403);
  }
  const own = await page.request.get(
    `/p/${f.program.slug}/actions/export/tab.zip?timeframe=any_time`,
  );
  expect(own.status()).toBe(200);
  expect(own.headers()["content-type"]).toBe("application/zip");
});
