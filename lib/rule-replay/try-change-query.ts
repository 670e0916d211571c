/**
 * A "Try a change" link's draft: the rule's own terms as the form shows them, to edit from.
 */
export function tryChangeQuery(rule: {
  id: number;
  actionType: string;
  minValue: number | null;
  group: { key: string } | null;
  amountCents: number;
  multiplyByValue: boolean;
}): string {
  const query = new URLSearchParams({
    change: "edit",
    rule: String(rule.id),
    actionType: rule.actionType,
    amount: (rule.amountCents / 100).toFixed(2),
    minValue: rule.minValue === null ? "" : String(rule.minValue),
    groupKey: rule.group?.key ?? "",
  });
  if (rule.multiplyByValue) query.set("multiplyByValue", "on");
  return query.toString();
}
