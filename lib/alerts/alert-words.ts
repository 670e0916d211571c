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

export function conditionWords(a: Pick<AlertWords, "condition" | "threshold" | "sensitivity">) {
  if (a.condition === "above") return `above ${a.threshold}`;
  if (a.condition === "below") return `below ${a.threshold}`;
  const s = SENSITIVITIES.find((x) => x.value === a.sensitivity);
  return `away from its usual level (${s ? `${s.name} sensitivity, ` : ""}${a.sensitivity} spreads)`;
}

const PER = { view: "the whole view", partner: "each partner", group: "each group" } as const;
const FREQUENCY = { hourly: "every hour", daily: "every day" } as const;

/** "Occurrences of each partner above 100, checked every hour". */
export function alertSentence(a: AlertWords, currency: string): string {
  return `${metricWords(a, currency)} of ${PER[a.per]} ${conditionWords(a)}, checked ${FREQUENCY[a.frequency]}`;
}
