// An alert's rule in words: the list, the audit log and its messages say it the same way.
import { SENSITIVITIES, type AlertCondition } from "./judge";
import type { AlertMetric, AlertPer } from "./measure";
import type { AlertFrequency } from "./alert-periods";

export interface AlertWords {
  metric: AlertMetric;
  actionTypeName?: string | null;
  per: AlertPer;
  condition: AlertCondition;
  threshold: number | null;
  sensitivity: number | null;
  frequency: AlertFrequency;
}

export function metricWords(a: Pick<AlertWords, "metric" | "actionTypeName">, currency: string) {
  if (a.metric === "rewards") return `Rewards (${currency})`;
  if (a.metric === "type") return `${a.actionTypeName ?? "(deleted type)"} occurrences`;
  return "Occurrences";
}

/** "1,250", "12.5": a number as alerts write it. */
export const alertNumber = (n: number) => n.toLocaleString("en-US", { maximumFractionDigits: 2 });

export function conditionWords(a: Pick<AlertWords, "condition" | "threshold" | "sensitivity">) {
  if (a.condition === "above") return `above ${alertNumber(a.threshold ?? 0)}`;
  if (a.condition === "below") return `below ${alertNumber(a.threshold ?? 0)}`;
  const s = SENSITIVITIES.find((x) => x.value === a.sensitivity);
  return `away from its usual level (${s ? `${s.name} sensitivity, ` : ""}${a.sensitivity} spreads)`;
}

const PER = { view: "the whole view", partner: "each partner", group: "each group" } as const;
const FREQUENCY = { hourly: "every hour", daily: "every day" } as const;

/** "Occurrences of each partner above 100, checked every hour". */
export function alertSentence(a: AlertWords, currency: string): string {
  return `${metricWords(a, currency)} of ${PER[a.per]} ${conditionWords(a)}, checked ${FREQUENCY[a.frequency]}`;
}
