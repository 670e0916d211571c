import type { SummaryNumbers } from "../actions-tab/query/get-summary";

/** The number tiles, in screen order: shared by the page and the exports. */
export const NUMBER_TILES: { key: keyof SummaryNumbers; title: string }[] = [
  { key: "occurrences", title: "Occurrences" },
  { key: "totalValue", title: "Total value" },
  { key: "rewardCents", title: "Total rewards" },
  { key: "partners", title: "Partners with actions" },
  { key: "customers", title: "Customers with actions" },
];
