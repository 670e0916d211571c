import { tableClass, tdClass, thClass } from "@/components/ui/styles";
import { stacked } from "@/components/ui/stacked-table";
import type { DeliveryRow } from "@/lib/deliveries/list-deliveries";
import { formatDateTime } from "@/lib/time/format";
import { DeliveryStatus } from "@/components/deliveries/delivery-status";
import { webhookHost } from "@/components/deliveries/webhook-host";

const size = (bytes: number) =>
  bytes < 1024
    ? `${bytes} B`
    : bytes < 1024 * 1024
      ? `${(bytes / 1024).toFixed(1)} KB`
      : `${(bytes / 1024 / 1024).toFixed(1)} MB`;

/** Past and pending deliveries, newest first: when, to whom, how it went, what was sent. */
export function DeliveryLog({
  deliveries,
  timezone,
  showWebhookUrls,
}: {
  deliveries: DeliveryRow[];
  timezone: string;
  /** Owners and managers; others see the webhook's host only. */
  showWebhookUrls: boolean;
}) {
  if (deliveries.length === 0) {
    return (
      <p className="p-8 text-center text-sm text-gray-600 dark:text-gray-400">
        No deliveries yet. They appear here when a schedule runs, you press “Send now”, or an alert
        fires.
      </p>
    );
  }
  return (
    <table aria-label="Delivery log" className={`${tableClass} mt-2 ${stacked.table}`}>
      <thead className={stacked.head}>
        <tr>
          <th className={thClass}>Time</th>
          <th className={thClass}>Saved view</th>
          <th className={thClass}>Recipients</th>
          <th className={thClass}>Status</th>
          <th className={thClass}>File</th>
          <th className={thClass}>Error</th>
        </tr>
      </thead>
      <tbody className={`divide-y divide-gray-100 dark:divide-gray-800 ${stacked.body}`}>
        {deliveries.map((d) => (
          <tr key={d.id} className={stacked.row}>
            <td data-label="Time" className={`${tdClass} whitespace-nowrap ${stacked.cell}`}>
              {formatDateTime(d.sentAt ?? d.dueAt, timezone)}
              <div className="text-xs text-gray-500">
                {d.manual ? "Sent on request" : `Due ${formatDateTime(d.dueAt, timezone)}`}
              </div>
            </td>
            <td data-label="Saved view" className={`${tdClass} ${stacked.cell}`}>
              {d.via.viewName}
              {d.via.alert !== null && (
                <div className="text-xs text-gray-600 dark:text-gray-400">
                  <span className="font-medium text-amber-700 dark:text-amber-400">Alert</span> ·{" "}
                  {d.via.alert}
                </div>
              )}
            </td>
            <td
              data-label="Recipients"
              className={`${tdClass} max-w-xs break-words ${stacked.cell}`}
            >
              {d.recipients.length
                ? d.recipients.join(", ")
                : d.via.channel === "webhook"
                  ? `Webhook ${showWebhookUrls ? d.via.webhookUrl : webhookHost(d.via.webhookUrl)}`
                  : "—"}
            </td>
            <td data-label="Status" className={`${tdClass} whitespace-nowrap ${stacked.cell}`}>
              <DeliveryStatus status={d.status} />
              {d.attempts > 1 && <div className="text-xs text-gray-500">{d.attempts} attempts</div>}
              {d.status === "retrying" && (
                <div className="text-xs text-gray-500">
                  next try {formatDateTime(d.nextAttemptAt, timezone)}
                </div>
              )}
            </td>
            <td data-label="File" className={`${tdClass} ${stacked.cell}`}>
              {d.fileName ? (
                <>
                  <span className="break-all">{d.fileName}</span>
                  {d.fileBytes !== null && (
                    <div className="text-xs text-gray-500">{size(d.fileBytes)}</div>
                  )}
                </>
              ) : (
                "—"
              )}
            </td>
            <td
              data-label="Error"
              className={`${tdClass} max-w-sm break-words text-red-700 dark:text-red-400 ${stacked.cell} max-sm:empty:hidden`}
            >
              {d.error ?? ""}
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
