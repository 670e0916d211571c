import "server-only";

const WEEKDAYS = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"];

interface ScheduleRow {
  id: number;
  savedViewId: number;
  frequency: string;
  weekday: number | null;
  monthDay: number | null;
  timeOfDay: number;
  file: string;
  channel: string;
  recipients: string[];
  webhookUrl: string | null;
}

/** A webhook URL's host: its path or query may carry a token, so the audit log keeps the host. */
function hostOf(url: string | null): string | null {
  if (!url) return null;
  try {
    return new URL(url).host;
  } catch {
    return null;
  }
}

/**
 * A schedule as its audit entries tell it: a sentence ("“Weekly” weekly on Monday at 09:00,
 * tab.pdf by email") and the facts, never its signing secret nor a webhook's full URL.
 */
export function scheduleAudit(schedule: ScheduleRow, viewName: string) {
  const time = `${String(Math.floor(schedule.timeOfDay / 60)).padStart(2, "0")}:${String(schedule.timeOfDay % 60).padStart(2, "0")}`;
  const when =
    schedule.frequency === "weekly" && schedule.weekday
      ? `weekly on ${WEEKDAYS[schedule.weekday - 1]}`
      : schedule.frequency === "monthly" && schedule.monthDay
        ? `monthly on day ${schedule.monthDay}`
        : schedule.frequency;
  const webhookHost = hostOf(schedule.webhookUrl);
  return {
    sentence: `“${viewName}” ${when} at ${time}, ${schedule.file} by ${schedule.channel}`,
    details: {
      scheduleId: schedule.id,
      savedViewId: schedule.savedViewId,
      savedView: viewName,
      frequency: schedule.frequency,
      weekday: schedule.weekday,
      monthDay: schedule.monthDay,
      time,
      file: schedule.file,
      channel: schedule.channel,
      ...(schedule.channel === "webhook" ? { webhookHost } : { recipients: schedule.recipients }),
    },
  };
}
