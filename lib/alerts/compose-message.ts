import "server-only";
import type { PrismaClient } from "../generated/prisma/client";
import type { TabScope } from "../stats/scope";
import { addToDate } from "../time/calendar-units";
import { formatDate, isoInZone } from "../time/format";
import { dateOf } from "../time/zone";
import { weeksBefore, type AlertFrequency, type Period } from "./alert-periods";
import { alertMessage, type AlertMessage } from "./alert-message";
import { conditionWords, metricWords } from "./alert-words";
import { explainKey } from "./explain";
import type { Reading } from "./judge";
import type { AlertTarget } from "./measure";
import { periodWords } from "./period-words";

/** At most this many newly out-of-range keys are explained (each costs a few queries). */
const EXPLAINED = 3;

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

/** How far a reading is out of its range (0 inside). */
const distance = (r: Reading) =>
  Math.max((r.range.low ?? r.value) - r.value, r.value - (r.range.high ?? r.value));

export interface CheckFindings {
  alert: AlertTarget & {
    id: number;
    programId: number;
    frequency: AlertFrequency;
    condition: "above" | "below" | "unusual";
    threshold: number | null;
    sensitivity: number | null;
  };
  program: { slug: string; timezone: string; currency: string };
  view: { name: string; query: string };
  /** The view's scope counting what the alert counts (null: it counts nothing). */
  scope: TabScope | null;
  actionTypeName: string | undefined;
  /** The property names the program's actions carry (the filter's suggestions). */
  propertyNames: string[];
  period: Period;
  fired: Reading[];
  recovered: { reading: Reading; since: Date }[];
}

/**
 * What a check tells: the rule and the period in words, each key that went out of range (the
 * largest departures first, the first three with what moved them against the same period a week
 * before) and each that came back, with the chart's link.
 */
export async function composeMessage(
  prisma: PrismaClient,
  baseUrl: string,
  f: CheckFindings,
): Promise<AlertMessage> {
  const tz = f.program.timezone;
  const weekBefore = weeksBefore(f.alert.frequency, f.period, 1, tz);
  const partnershipOf = async (partnerKey: string) =>
    (
      await prisma.partnership.findUnique({
        where: { programId_partnerKey: { programId: f.alert.programId, partnerKey } },
        select: { id: true },
      })
    )?.id ?? null;
  const fired = [...f.fired].sort(
    (a, b) => distance(b) - distance(a) || a.label.localeCompare(b.label),
  );
  const movers = async (r: Reading, i: number) => {
    if (!f.scope || i >= EXPLAINED) return [];
    const moved = await explainKey(
      f.scope,
      f.alert.per,
      r.key,
      f.period,
      weekBefore,
      partnershipOf,
      f.alert.metric,
      f.propertyNames,
    );
    return moved.map((m) => ({
      by: m.byLabel,
      label: m.label,
      before: m.previousValue,
      after: m.value,
      change: m.change,
      share: m.share,
    }));
  };
  return alertMessage.parse({
    alertId: f.alert.id,
    viewName: f.view.name,
    metric: metricWords(
      { metric: f.alert.metric, actionTypeName: f.actionTypeName },
      f.program.currency,
    ),
    rule: conditionWords(f.alert),
    period: periodWords(f.alert.frequency, f.period, tz),
    periodStart: isoInZone(f.period.start, tz),
    periodEnd: isoInZone(f.period.end, tz),
    comparedWith: periodWords(f.alert.frequency, weekBefore, tz),
    chartUrl: chartLink(baseUrl, f.program.slug, f.view.query, f.period, tz),
    fired: await Promise.all(
      fired.map(async (r, i) => ({ ...reading(r), movers: await movers(r, i) })),
    ),
    recovered: f.recovered.map(({ reading: r, since }) => ({
      ...reading(r),
      since: isoInZone(since, tz),
    })),
  });
}
