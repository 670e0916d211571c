import type { SummaryNumbers } from "./get-summary";
import { moneyFormatter } from "../format/format";

/** The number tiles, in screen order, with their download names: shared by the page and exports. */
export const NUMBER_TILES = [
  { key: "occurrences", title: "Occurrences", exportName: "occurrences" },
  { key: "totalValue", title: "Total value", exportName: "total-value" },
  { key: "rewardCents", title: "Total rewards", exportName: "total-rewards" },
  { key: "partners", title: "Partners with actions", exportName: "partners" },
  { key: "customers", title: "Customers with actions", exportName: "customers" },
] as const satisfies readonly { key: keyof SummaryNumbers; title: string; exportName: string }[];

export type NumberTile = (typeof NUMBER_TILES)[number];
export type NumberExportName = NumberTile["exportName"];

/** A tile's value as shown on screen and in PDFs: money in the program's currency, else a count. */
export function formatTileValue(
  key: keyof SummaryNumbers,
  value: number,
  currency: string,
): string {
  return key === "rewardCents"
    ? moneyFormatter([value], currency)(value)
    : value.toLocaleString("en-US");
}
