import type { AlertMessage } from "./alert-message";

const reading = (r: AlertMessage["fired"][number] | AlertMessage["recovered"][number]) => ({
  key: r.key,
  label: r.label,
  value: r.value,
  expected: { low: r.low, high: r.high, usual: r.usual },
});

/**
 * An alert's webhook body (signed as deliveries' are, Standard Webhooks): `alert.fired` when keys
 * went out of range (with what moved each), `alert.recovered` when they all came back — a check
 * that does both is `alert.fired` with `recovered` listed too.
 */
export function alertWebhookPayload(
  program: string,
  deliveryId: number,
  m: AlertMessage,
  now: Date,
) {
  return {
    type: m.fired.length ? "alert.fired" : "alert.recovered",
    timestamp: now.toISOString(),
    data: {
      program,
      alert_id: m.alertId,
      delivery_id: deliveryId,
      view: m.viewName,
      metric: m.metric,
      rule: m.rule,
      period: { label: m.period, start: m.periodStart, end: m.periodEnd },
      chart_url: m.chartUrl,
      fired: m.fired.map((f) => ({
        ...reading(f),
        what_moved: {
          compared_with: m.comparedWith,
          movers: f.movers.map((mv) => ({
            dimension: mv.by,
            label: mv.label,
            before: mv.before,
            after: mv.after,
            change: mv.change,
            share: mv.share,
          })),
        },
      })),
      recovered: m.recovered.map((r) => ({ ...reading(r), since: r.since })),
    },
  };
}
