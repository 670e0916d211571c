import "server-only";
import { loadView } from "../stats/load-view";
import type { TabSources } from "../stats/sources";
import type { OpenDatabase } from "../db/open";
import { baselinePeriods, checkedPeriod, latestCheckAt, nextCheckAfter } from "./alert-periods";
import type { ClaimedAlert } from "./claim-alert";
import { composeMessage } from "./compose-message";
import { readKeys } from "./judge";
import { measure, targetScope } from "./measure";
import { recordCheck } from "./record-check";

export interface CheckContext {
  db: OpenDatabase;
  sources: () => Promise<TabSources>;
  /** The app's public origin, for the chart link (NEXTAUTH_URL). */
  baseUrl: string;
}

export type CheckOutcome = "checked" | "fired" | "taken" | "gone";

/**
 * Checks a claimed alert: the view's number over the latest period that ended (after a gap, one
 * check reads that one), per key, against its range. Keys newly out of range fire (with what
 * moved them), keys back in range recover; while snoozed, episodes are followed but nothing is
 * told, and keys still out when it ends are told then. Read outside any transaction, written by
 * recordCheck in one — so a check is told once even when a process dies or two race.
 */
export async function checkAlert(
  ctx: CheckContext,
  claimed: ClaimedAlert,
  now: Date,
): Promise<CheckOutcome> {
  const { prisma } = ctx.db;
  const alert = await prisma.alert.findUnique({
    where: { programId_id: { programId: claimed.programId, id: claimed.id } },
    include: { savedView: true, program: true, episodes: true },
  });
  if (!alert) return "gone";
  const { program, savedView } = alert;
  const tz = program.timezone;
  const checkAt = latestCheckAt(alert.frequency, now.getTime(), tz);
  const record = {
    programId: alert.programId,
    alertId: alert.id,
    claimedCheckAt: claimed.nextCheckAt,
    checkedAt: new Date(checkAt),
    nextCheckAt: new Date(nextCheckAfter(alert.frequency, checkAt, tz)),
    now,
  };
  if (alert.lastCheckedAt && alert.lastCheckedAt.getTime() >= checkAt) {
    // That period was read already (its check time moved back by hand): the next one is due.
    const nothing = { started: [], ended: [], toldLate: [], message: null, announced: false };
    const done = await recordCheck(prisma, {
      ...record,
      checkedAt: alert.lastCheckedAt,
      periodStart: record.checkedAt,
      ...nothing,
    });
    return done === "taken" ? "taken" : "checked";
  }
  const period = checkedPeriod(alert.frequency, checkAt, tz);
  const query = Object.fromEntries(new URLSearchParams(savedView.query));
  const view = await loadView(await ctx.sources(), program, query, { now: checkAt });
  const scope = targetScope(view.scope, alert);
  // Above a value needs no usual level: only the keys with a number now.
  const [current, history] = await Promise.all([
    measure(scope, alert, period),
    alert.condition === "above"
      ? Promise.resolve([])
      : Promise.all(
          baselinePeriods(alert.frequency, period, tz).map((p) => measure(scope, alert, p)),
        ),
  ]);
  const episodes = new Map(alert.episodes.map((e) => [e.key, e]));
  const labels = new Map(alert.episodes.map((e) => [e.key, e.label]));
  const readings = readKeys(alert, current, history, labels);
  const snoozed = alert.snoozedUntil !== null && alert.snoozedUntil.getTime() > checkAt;
  const out = readings.filter((r) => r.out);
  const back = readings.filter((r) => !r.out && episodes.has(r.key));
  // Told now: keys newly out, and (after a snooze) keys still out that were not told.
  const fired = snoozed ? [] : out.filter((r) => !episodes.get(r.key)?.announced);
  const recovered = snoozed ? [] : back.filter((r) => episodes.get(r.key)!.announced);
  // A told episode that ends during a snooze is kept: its recovery is told when the snooze ends.
  const ended = snoozed ? back.filter((r) => !episodes.get(r.key)!.announced) : back;
  const message =
    fired.length || recovered.length
      ? await composeMessage(prisma, ctx.baseUrl, {
          alert,
          program,
          view: savedView,
          scope,
          actionTypeName: view.options.actionTypes.find((t) => t.id === alert.actionTypeId)?.label,
          propertyNames: view.options.properties.map((p) => p.key),
          period,
          fired,
          recovered: recovered.map((r) => ({ reading: r, since: episodes.get(r.key)!.since })),
        })
      : null;
  return recordCheck(prisma, {
    ...record,
    periodStart: new Date(period.start),
    started: out.filter((r) => !episodes.has(r.key)),
    announced: !snoozed,
    ended: ended.map((r) => r.key),
    toldLate: fired.filter((r) => episodes.has(r.key)).map((r) => r.key),
    message,
  });
}
