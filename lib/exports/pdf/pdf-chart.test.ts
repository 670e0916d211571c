// The PDF chart's y-axis as a reader sees it: round tick labels from 0 to a top above the tallest
// bar, evenly spaced up the page (the PDF once labelled only 0 and the maximum). Read back from
// the rendered file's text, against ticks worked out by hand.
import { renderToBuffer } from "@react-pdf/renderer";
import { getDocumentProxy } from "unpdf";
import { describe, expect, it } from "vitest";
import type { Series } from "../../stats/get-series";
import { pdfElement } from "./render-pdf";

/** A monthly series of two types whose stacked totals are `totals`. */
function series(totals: number[], hidden: string[] = []): Series {
  return {
    unit: "month",
    requestedUnit: "month",
    by: { kind: "type" },
    other: "Other types",
    types: ["signup", "demo"],
    colors: { signup: "#332288", demo: "#88CCEE" },
    hidden,
    partialBucket: null,
    otherTypes: 0,
    compared: null,
    rows: totals.map((total, i) => ({
      bucket: `2026-${String(i + 1).padStart(2, "0")}-01`,
      signup: Math.ceil(total / 2),
      demo: Math.floor(total / 2),
    })),
  };
}

/** The labels left of the plot (the y-axis), bottom to top, with their heights on the page. */
async function yAxis(s: Series) {
  const pdf = await renderToBuffer(
    await pdfElement({
      title: "Occurrences over time",
      programName: "Acme",
      filterLines: ["Timeframe: 2026"],
      sections: [{ kind: "chart", title: "Occurrences over time", series: s, note: "Per month." }],
    }),
  );
  const page = await (await getDocumentProxy(new Uint8Array(pdf))).getPage(1);
  const items = (await page.getTextContent()).items
    .filter((it) => "str" in it && it.str.trim() !== "")
    .map((it) => {
      const { str, transform, width } = it as { str: string; transform: number[]; width: number };
      return { str, x: transform[4], y: transform[5], right: transform[4] + width };
    });
  // The period names sit under the plot, the ticks' labels right-aligned at its left edge.
  const firstPeriod = items.find((it) => it.str.startsWith("Jan"))!;
  return items
    .filter((it) => it.right <= firstPeriod.x && it.y > firstPeriod.y && /^[\d,.KM]+$/.test(it.str))
    .sort((a, b) => a.y - b.y);
}

describe("the PDF chart's y-axis", () => {
  it("labels 0 and round steps up to a top above the tallest bar, evenly spaced", async () => {
    // Tallest month 1,234: four steps would be 308.5 each; the next round step is 500.
    const ticks = await yAxis(series([300, 1234, 567]));
    expect(ticks.map((t) => t.str)).toEqual(["0", "500", "1,000", "1,500"]);
    const gaps = ticks.slice(1).map((t, i) => t.y - ticks[i].y);
    for (const gap of gaps) expect(gap).toBeCloseTo(gaps[0], 1);
    expect(gaps[0]).toBeGreaterThan(0);
  });

  it("counts in steps of one for a few actions, and writes large tops short", async () => {
    expect((await yAxis(series([1, 3, 2]))).map((t) => t.str)).toEqual(["0", "1", "2", "3"]);
    // 234,567 at most: steps of 100,000 (58,642 rounded up to 1 × 10⁵), written short.
    expect((await yAxis(series([234_567, 12]))).map((t) => t.str)).toEqual([
      "0",
      "100K",
      "200K",
      "300K",
    ]);
  });

  it("fits the axis to the series drawn: a hidden series no longer sets the top", async () => {
    const s = series([40, 90]);
    // signup is 45 of the 90: without demo the tallest bar is 45, steps of 20 (11.25 → 20).
    expect((await yAxis({ ...s, hidden: ["demo"] })).map((t) => t.str)).toEqual([
      "0",
      "20",
      "40",
      "60",
    ]);
  });
});
