import { SavedViewCell } from "@/components/deliveries/saved-view-cell";
import { tableClass, tdClass, thClass } from "@/components/ui/styles";
import { SentToCell } from "@/components/deliveries/sent-to";
import { stacked } from "@/components/ui/stacked-table";
import { deliveryFileLabel } from "@/lib/deliveries/delivery-files";
import type { ScheduleRow } from "@/lib/deliveries/list-schedules";
import { describeRule } from "@/lib/time/schedule-time";
import { formatDateTime } from "@/lib/time/format";
import { DeliveryStatus } from "@/components/deliveries/delivery-status";
import { ScheduleActions } from "./schedule-actions";

/** The program's schedules: when each runs next, what it sends where, how the last one went. */
export function ScheduleList({
  slug,
  schedules,
  timezone,
  userId,
  canManageAll,
}: {
  slug: string;
  schedules: ScheduleRow[];
  timezone: string;
  userId: number;
  canManageAll: boolean;
}) {
  if (schedules.length === 0) {
    return (
      <p className="p-8 text-center text-sm text-gray-600 dark:text-gray-400">
        Nothing is scheduled yet. Choose a saved view below to have it sent on a schedule.
      </p>
    );
  }
  return (
    <table aria-label="Schedules" className={`${tableClass} mt-2 ${stacked.table}`}>
      <thead className={stacked.head}>
        <tr>
          <th className={thClass}>Saved view</th>
          <th className={thClass}>When</th>
          <th className={thClass}>Next run</th>
          <th className={thClass}>File</th>
          <th className={thClass}>Sent to</th>
          <th className={thClass}>Last delivery</th>
          <th className={thClass}>
            <span className="sr-only">Actions</span>
          </th>
        </tr>
      </thead>
      <tbody className={`divide-y divide-gray-100 dark:divide-gray-800 ${stacked.body}`}>
        {schedules.map((s) => {
          const last = s.deliveries[0];
          return (
            <tr key={s.id} className={stacked.row}>
              <SavedViewCell slug={slug} view={s.savedView} />
              <td data-label="When" className={`${tdClass} ${stacked.cell}`}>
                {describeRule(s)}
              </td>
              <td data-label="Next run" className={`${tdClass} whitespace-nowrap ${stacked.cell}`}>
                {formatDateTime(s.nextRunAt, timezone)}
              </td>
              <td data-label="File" className={`${tdClass} ${stacked.cell}`}>
                {deliveryFileLabel(s.file)}
              </td>
              <SentToCell to={s} canManageAll={canManageAll} />
              <td
                data-label="Last delivery"
                className={`${tdClass} whitespace-nowrap ${stacked.cell}`}
              >
                {last ? (
                  <>
                    <DeliveryStatus status={last.status} />{" "}
                    {last.sentAt && (
                      <span className="text-xs text-gray-600 dark:text-gray-400">
                        {formatDateTime(last.sentAt, timezone)}
                      </span>
                    )}
                  </>
                ) : (
                  <span className="text-gray-500">Not yet</span>
                )}
              </td>
              <td data-label="" className={`${tdClass} ${stacked.cell}`}>
                {(canManageAll || s.createdBy === userId) && (
                  <ScheduleActions slug={slug} id={s.id} name={s.savedView.name} />
                )}
              </td>
            </tr>
          );
        })}
      </tbody>
    </table>
  );
}
