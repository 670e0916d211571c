import type { ScheduleRow } from "@/lib/deliveries/list-schedules";
import { formatDateTime } from "@/lib/time/format";

/** Schedules whose latest delivery failed for good: what the owner must act on, on top. */
export function FailedNotice({
  schedules,
  timezone,
}: {
  schedules: ScheduleRow[];
  timezone: string;
}) {
  const failed = schedules.filter((s) => s.deliveries[0]?.status === "failed");
  if (failed.length === 0) return null;
  return (
    <div
      role="alert"
      className="rounded-md border border-red-300 bg-red-50 p-3 text-sm dark:border-red-800 dark:bg-red-950"
    >
      <p className="font-medium text-red-800 dark:text-red-300">
        {failed.length === 1 ? "A delivery failed" : `${failed.length} deliveries failed`} after
        every retry:
      </p>
      <ul className="mt-1 list-disc pl-5">
        {failed.map((s) => (
          <li key={s.id}>
            “{s.savedView.name}” (due {formatDateTime(s.deliveries[0].nextAttemptAt, timezone)}):{" "}
            {s.deliveries[0].error}
          </li>
        ))}
      </ul>
    </div>
  );
}
