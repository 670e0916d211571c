import "server-only";
import type { Prisma } from "../generated/prisma/client";
import { loadView } from "../stats/load-view";
import type { TabSources } from "../stats/sources";
import { addToDate } from "../time/calendar-units";
import { formatDate, isoInZone } from "../time/format";
import { dateOf } from "../time/zone";
import type { OpenDatabase } from "../db/open";
import {
  baselinePeriods,
  checkedPeriod,
  latestCheckAt,
  nextCheckAfter,
  weeksBefore,
  type Period,
} from "./alert-periods";
import { alertMessage, type AlertMessage } from "./alert-message";
import { conditionWords, metricWords } from "./alert-words";
import type { ClaimedAlert } from "./claim-alert";
import { explainKey } from "./explain";
import { readKeys, type Reading } from "./judge";
import { measure, targetScope } from "./measure";
import { periodWords } from "./period-words";

/** At most this many newly out-of-range keys are explained (each costs a few queries). */
const EXPLAINED = 3;

export interface CheckContext {
  db: OpenDatabase;
  sources: () => Promise<TabSources>;
  /** The app's public origin, for the chart link (NEXTAUTH_URL). */
  baseUrl: string;
}

export type CheckOutcome = "checked" | "fired" | "taken" | "gone";

/** The tab over the four weeks up to the checked period, by day, with the view's filters. */
function chartLink(baseUrl: string, slug: string, query: string, period: Period, tz: string) {
  const last = dateOf(period.end - 1, tz);
  const params = new URLSearchParams(query);
  params.set("timeframe", `range_${formatDate(addToDate(last, -27, "day"))}_${formatDate(last)}`);
  params.set("timescale", "day");
  return new URL(`/p/${slug}/actions?${params}`, baseUrl).toString();
}

const reading = (r: Reading) => ({
  key: r.key,
  label: r.label,
  value: r.value,
  low: r.range.low,
  high: r.range.high,
  usual: r.range.usual,
});

/**
 * Checks a claimed alert at its latest due time: the view's number over the period just ended,
 * per key, against its range. Keys newly out of range fire (with what moved them), keys back in
 * range recover; while snoozed, episodes are kept but nothing is told. The episodes, the message
 * (a delivery, unique per alert and check time) and the next check are written in one
 * transaction that first moves the check on only if it is still the one claimed — so a check
 * is told once even when a process dies or two race.
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
  // After a gap (the server down) one check reads the latest period that ended.
  const checkAt = latestCheckAt(alert.frequency, now.getTime(), tz);
  if (alert.lastCheckedAt && alert.lastCheckedAt.getTime() >= checkAt) {
    // That period was read already (its check time moved back by hand): the next one is due.
    const moved = await prisma.alert.updateMany({
      where: { programId: alert.programId, id: alert.id, nextCheckAt: claimed.nextCheckAt },
      data: {
        nextCheckAt: new Date(nextCheckAfter(alert.frequency, checkAt, tz)),
        checkingUntil: null,
      },
    });
    return moved.count ? "checked" : "taken";
  }
  const period = checkedPeriod(alert.frequency, checkAt, tz);
  const sources = await ctx.sources();
  const view = await loadView(
    sources,
    program,
    Object.fromEntries(new URLSearchParams(savedView.query)),
    {
      now: checkAt,
    },
  );
  const target = { metric: alert.metric, actionTypeId: alert.actionTypeId, per: alert.per };
  const scope = targetScope(view.scope, target);
  const needsHistory = alert.condition !== "above";
  const [current, history] = await Promise.all([
    measure(scope, target, period),
    needsHistory
      ? Promise.all(
          baselinePeriods(alert.frequency, period, tz).map((p) => measure(scope, target, p)),
        )
      : Promise.resolve([]),
  ]);
  const episodes = new Map(alert.episodes.map((e) => [e.key, e]));
  const readings = readKeys(
    alert,
    current,
    history,
    new Map(alert.episodes.map((e) => [e.key, e.label])),
  );
  const snoozed = alert.snoozedUntil !== null && alert.snoozedUntil.getTime() > checkAt;
  const out = readings.filter((r) => r.out);
  const startOut = out.filter((r) => !episodes.has(r.key));
  const back = readings.filter((r) => !r.out && episodes.has(r.key));
  // Told now: keys newly out, and (after a snooze) keys still out that were not told.
  const fired = snoozed ? [] : out.filter((r) => !episodes.get(r.key)?.announced);
  const recovered = snoozed ? [] : back.filter((r) => episodes.get(r.key)!.announced);

  let message: AlertMessage | null = null;
  if (fired.length || recovered.length) {
    const weekBefore = weeksBefore(alert.frequency, period, 1, tz);
    const partnershipOf = async (partnerKey: string) =>
      (
        await prisma.partnership.findUnique({
          where: { programId_partnerKey: { programId: alert.programId, partnerKey } },
          select: { id: true },
        })
      )?.id ?? null;
    // The largest departures from the range first.
    const distance = (r: Reading) =>
      Math.max((r.range.low ?? r.value) - r.value, r.value - (r.range.high ?? r.value));
    fired.sort((a, b) => distance(b) - distance(a) || a.label.localeCompare(b.label));
    const actionType =
      alert.actionTypeId === null
        ? null
        : view.options.actionTypes.find((t) => t.id === alert.actionTypeId);
    message = alertMessage.parse({
      alertId: alert.id,
      viewName: savedView.name,
      metric: metricWords(
        { metric: alert.metric, actionTypeName: actionType?.label },
        program.currency,
      ),
      rule: conditionWords(alert),
      period: periodWords(alert.frequency, period, tz),
      periodStart: isoInZone(period.start, tz),
      periodEnd: isoInZone(period.end, tz),
      comparedWith: periodWords(alert.frequency, weekBefore, tz),
      chartUrl: chartLink(ctx.baseUrl, program.slug, savedView.query, period, tz),
      fired: await Promise.all(
        fired.map(async (r, i) => ({
          ...reading(r),
          movers:
            scope && i < EXPLAINED
              ? (await explainKey(scope, alert.per, r.key, period, weekBefore, partnershipOf)).map(
                  (m) => ({
                    by: m.byLabel,
                    label: m.label,
                    before: m.previousOccurrences,
                    after: m.occurrences,
                    change: m.change,
                    share: m.share,
                  }),
                )
              : [],
        })),
      ),
      recovered: recovered.map((r) => ({
        ...reading(r),
        since: isoInZone(episodes.get(r.key)!.since, tz),
      })),
    });
  }

  const at = new Date(checkAt);
  return prisma.$transaction(async (tx) => {
    const moved = await tx.alert.updateMany({
      where: { programId: alert.programId, id: alert.id, nextCheckAt: claimed.nextCheckAt },
      data: {
        nextCheckAt: new Date(nextCheckAfter(alert.frequency, checkAt, tz)),
        checkingUntil: null,
        lastCheckedAt: at,
      },
    });
    if (moved.count === 0) return "taken" as const;
    const key = (k: string) => ({ programId: alert.programId, alertId: alert.id, key: k });
    if (back.length) {
      await tx.alertEpisode.deleteMany({
        where: {
          programId: alert.programId,
          alertId: alert.id,
          key: { in: back.map((r) => r.key) },
        },
      });
    }
    if (startOut.length) {
      await tx.alertEpisode.createMany({
        data: startOut.map((r) => ({
          ...key(r.key),
          label: r.label,
          since: new Date(period.start),
          value: r.value,
          announced: !snoozed,
        })),
      });
    }
    const toldLate = fired.filter((r) => episodes.has(r.key)).map((r) => r.key);
    if (toldLate.length) {
      await tx.alertEpisode.updateMany({
        where: { programId: alert.programId, alertId: alert.id, key: { in: toldLate } },
        data: { announced: true },
      });
    }
    if (!message) return "checked" as const;
    await tx.delivery.create({
      data: {
        programId: alert.programId,
        alertId: alert.id,
        dueAt: at,
        nextAttemptAt: now,
        message: message as unknown as Prisma.InputJsonValue,
      },
    });
    return "fired" as const;
  });
}
