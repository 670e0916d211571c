import { renderToBuffer } from "@react-pdf/renderer";
import { getDocumentProxy } from "unpdf";
import { describe, expect, it } from "vitest";
import { pdfElement } from "./render-pdf";
import type { PdfSection } from "./tab-document";

const header = [
  "Partner name",
  "Partner email",
  "Action type",
  "Occurrences",
  "Sum of rewards (USD)",
];
const numeric = [false, false, false, true, true];
const longName = "Ana Lucía Fernández de la Torre y Østergaard-Kristiansen, Global Partnerships";

function table(rows: number, omitted = 0): PdfSection {
  return {
    kind: "table",
    title: "Occurrences",
    header,
    numeric,
    rows: Array.from({ length: rows }, (_, i) => [
      i === 0 ? longName : `Partner ${i}`,
      `partner.${i}@example.test`,
      ["signup_completed", "demo_booked"][i % 2],
      String(i * 7),
      (i * 1.25).toFixed(2),
    ]),
    footer: ["Total", "", "", "123456", "98765.43"],
    omitted,
  };
}

interface Item {
  str: string;
  x: number;
  y: number;
  right: number;
}

async function render(sections: PdfSection[]) {
  const pdf = await renderToBuffer(
    await pdfElement({ title: "Actions tab", programName: "Acme", filterLines: ["F"], sections }),
  );
  const doc = await getDocumentProxy(new Uint8Array(pdf));
  const pages: { text: string; items: Item[] }[] = [];
  for (let n = 1; n <= doc.numPages; n++) {
    const content = await (await doc.getPage(n)).getTextContent();
    const items = content.items
      .filter((it) => "str" in it && it.str.trim() !== "")
      .map((it) => {
        const { str, transform, width } = it as { str: string; transform: number[]; width: number };
        return { str, x: transform[4], y: transform[5], right: transform[4] + width };
      });
    pages.push({ text: items.map((it) => it.str).join(" "), items });
  }
  return pages;
}

describe("PDF tables", () => {
  it("repeats the header on every table page and keeps rows whole, in order, one line each", async () => {
    const pages = await render([table(100)]);
    const tablePages = pages.slice(1);
    expect(tablePages.length).toBeGreaterThan(2);
    for (const [i, page] of tablePages.entries()) {
      expect(page.text).toContain(`Occurrences (part ${i + 1} of ${tablePages.length})`);
      expect(page.text).toContain("Partner name Partner email Action type Occurrences");
      expect(page.text).toContain(`Page ${i + 2} of ${pages.length}`);
    }
    const all = tablePages.map((p) => p.text).join(" ");
    // Each row's cells come out together and rows keep their order across pages.
    let at = 0;
    for (let i = 1; i < 100; i++) {
      const row = `Partner ${i} partner.${i}@example.test ${["signup_completed", "demo_booked"][i % 2]} ${i * 7} ${(i * 1.25).toFixed(2)}`;
      const found = all.indexOf(row, at);
      expect(found, row).toBeGreaterThan(at);
      at = found;
    }
    expect(tablePages.at(-1)!.text).toContain("Total 123456 98765.43");
  });

  it("cuts a long cell with an ellipsis inside its column, and right-aligns numbers", async () => {
    const [, first] = await render([table(40)]);
    const cut = first.items.find((it) => it.str.startsWith("Ana Lucía"))!;
    expect(cut.str.endsWith("…")).toBe(true);
    expect(longName.startsWith(cut.str.slice(0, -1))).toBe(true);
    const email = first.items.find((it) => it.str === "partner.0@example.test")!;
    expect(cut.right).toBeLessThan(email.x);
    expect(cut.y).toBeCloseTo(email.y, 1); // one line: the same baseline as its row
    // Every number ends where its column's title ends (the totals row's too).
    const rightOf = (title: string) => first.items.find((it) => it.str === title)!.right;
    for (const [pattern, title] of [
      [/^\d+$/, "Occurrences"],
      [/^\d+\.\d\d$/, "Sum of rewards (USD)"],
    ] as const) {
      const values = first.items.filter((it) => pattern.test(it.str));
      expect(values.length).toBeGreaterThanOrEqual(20);
      for (const value of values) expect(value.right).toBeCloseTo(rightOf(title), 1);
    }
  });

  it("says on page 1 and after the last row how many rows were left out", async () => {
    const pages = await render([table(40, 960)]);
    const note =
      "Occurrences: this PDF shows the first 40 of 1,000 rows, to keep its size printable. Download the CSV for every row.";
    const flat = pages.map((p) => p.text.replace(/\s+/g, " "));
    expect(flat[0]).toContain(note);
    expect(flat.at(-1)).toContain(note);
    expect(flat.slice(1, -1).some((p) => p.includes(note))).toBe(false);
  });
});
