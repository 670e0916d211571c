import {
  breakdownLabel,
  keyLabels,
  shownKeyLabel,
  type Breakdown,
  type BreakdownLists,
} from "./breakdown";

/**
 * A breakdown row's actions in words, for the drill-down's heading and files: "Partner group
 * Gold", "Partner tag No tag", "Property plan pro". A partner is named as the table names it.
 */
export function describeBreakdownRow(
  row: { by: Breakdown; key: string },
  lists: BreakdownLists | undefined,
  partner: { name: string } | null,
): string {
  const listed = new Map(keyLabels(row.by, lists));
  const engineLabel =
    row.by.kind === "partner" ? (partner?.name ?? "") : (listed.get(row.key) ?? "");
  const label = shownKeyLabel(row.by, row.key, engineLabel);
  if (row.by.kind === "property") return `${breakdownLabel(row.by)} = ${label}`;
  return `${breakdownLabel(row.by)} ${row.by.kind === "partner" && !partner ? `${row.key} (not in this program)` : label}`;
}
