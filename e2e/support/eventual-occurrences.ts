import { expect, type Page } from "@playwright/test";

/**
 * Waits until the Occurrences tile shows a count, reloading: on the ClickHouse-backed server the
 * copy trails the database by a moment (bounded wait).
 */
export async function expectOccurrencesEventually(page: Page, expected: number) {
  await expect
    .poll(
      async () => {
        await page.reload();
        return (await page.getByTestId("tile-occurrences").textContent())?.trim();
      },
      { timeout: 15_000, intervals: [250, 500, 1000] },
    )
    .toBe(expected.toLocaleString("en-US"));
}
