import { SavedViewCell } from "@/components/deliveries/saved-view-cell";
import { DeliveryStatus } from "@/components/deliveries/delivery-status";
import { SentToCell } from "@/components/deliveries/sent-to";
import { stacked } from "@/components/ui/stacked-table";
import { tableClass, tdClass, thClass } from "@/components/ui/styles";
import type { AlertRow } from "@/lib/alerts/list-alerts";
import { formatDateTime } from "@/lib/time/format";
import { AlertActions } from "./alert-actions";

/** The program's alerts: the rule, what is out of range now, the next check, where it goes. */
export function AlertList({
  slug,
  alerts,
  timezone,
  userId,
  canManageAll,
}: {
  slug: string;
  alerts: AlertRow[];
  timezone: string;
  userId: number;
  canManageAll: boolean;
}) {
  if (alerts.length === 0) {
    return (
      <p className="p-8 text-center text-sm text-gray-600 dark:text-gray-400">
        No alerts yet. Choose a saved view below and the number to watch.
      </p>
    );
  }
  return (
    <table aria-label="Alerts" className={`${tableClass} mt-2 ${stacked.table}`}>
      <thead className={stacked.head}>
        <tr>
          <th className={thClass}>Saved view</th>
          <th className={thClass}>Rule</th>
          <th className={thClass}>Now</th>
          <th className={thClass}>Next check</th>
          <th className={thClass}>Sent to</th>
          <th className={thClass}>
            <span className="sr-only">Actions</span>
          </th>
        </tr>
      </thead>
      <tbody className={`divide-y divide-gray-100 dark:divide-gray-800 ${stacked.body}`}>
        {alerts.map((a) => {
          const { snoozed } = a;
          return (
            <tr key={a.id} className={stacked.row}>
              <SavedViewCell slug={slug} view={a.savedView} />
              <td data-label="Rule" className={`${tdClass} max-w-xs ${stacked.cell}`}>
                {a.sentence}
              </td>
              <td data-label="Now" className={`${tdClass} max-w-xs ${stacked.cell}`}>
                <div>
                  {a.episodes.length === 0 ? (
                    <span className="text-green-700 dark:text-green-400">In range</span>
                  ) : (
                    <span className="font-medium text-amber-700 dark:text-amber-400">
                      Out of range: {a.episodes.map((e) => e.label).join(", ")} (since{" "}
                      {formatDateTime(a.episodes[0].since, timezone)})
                    </span>
                  )}
                  {a.checkError && (
                    <div className="text-xs text-red-700 dark:text-red-400">
                      The last check failed (tried again in a few minutes): {a.checkError}
                    </div>
                  )}
                  {snoozed && (
                    <div className="text-xs text-gray-600 dark:text-gray-400">
                      Snoozed until {formatDateTime(a.snoozedUntil!, timezone)}
                    </div>
                  )}
                  {a.lastMessage && (
                    <div className="mt-0.5 text-xs text-gray-600 dark:text-gray-400">
                      Last message <DeliveryStatus status={a.lastMessage.status} />
                      {a.lastMessage.status === "failed" && a.lastMessage.error && (
                        <span className="text-red-700 dark:text-red-400">
                          {" "}
                          {a.lastMessage.error}
                        </span>
                      )}
                    </div>
                  )}
                </div>
              </td>
              <td
                data-label="Next check"
                className={`${tdClass} whitespace-nowrap ${stacked.cell}`}
              >
                {formatDateTime(a.nextCheckAt, timezone)}
              </td>
              <SentToCell to={a} canManageAll={canManageAll} />
              <td className={`${tdClass} text-right ${stacked.cell} max-sm:before:content-none`}>
                {(canManageAll || a.createdBy === userId) && (
                  <AlertActions slug={slug} id={a.id} name={a.savedView.name} snoozed={snoozed} />
                )}
              </td>
            </tr>
          );
        })}
      </tbody>
    </table>
  );
}
