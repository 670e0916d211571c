// Whether a number is out of its alert's range: above or below a value, or away from its usual
// level (the same hour or weekday of the weeks before). Pure: the check and the tests share it.

export type AlertCondition = "above" | "below" | "unusual";

export interface RangeRule {
  condition: AlertCondition;
  /** above / below. */
  threshold: number | null;
  /** unusual: how many spreads from the usual level count as away from it. */
  sensitivity: number | null;
}

/** The sensitivities offered, in spreads (standard deviations, at least √usual and 1). */
export const SENSITIVITIES = [
  { value: 2, name: "high" },
  { value: 3, name: "normal" },
  { value: 4, name: "low" },
] as const;

export interface ExpectedRange {
  /** Below this is out of range (null: no lower bound). */
  low: number | null;
  /** Above this is out of range (null: no upper bound). */
  high: number | null;
  /** The usual level (unusual only): the weeks' mean. */
  usual: number | null;
}

const mean = (xs: number[]) => xs.reduce((a, b) => a + b, 0) / xs.length;

/**
 * The range a number is expected in. Away from the usual level: the weeks' mean ± sensitivity ×
 * spread, the spread being their standard deviation but at least √mean (counts vary that much by
 * chance) and at least 1 — so a level that never moved does not fire on one more action.
 */
export function expectedRange(rule: RangeRule, history: number[]): ExpectedRange {
  if (rule.condition === "above") return { low: null, high: rule.threshold, usual: null };
  if (rule.condition === "below") return { low: rule.threshold, high: null, usual: null };
  const usual = history.length ? mean(history) : 0;
  const sd = history.length ? Math.sqrt(mean(history.map((x) => (x - usual) ** 2))) : 0;
  const spread = Math.max(sd, Math.sqrt(usual), 1);
  const k = rule.sensitivity ?? 3;
  return { low: Math.max(0, usual - k * spread), high: usual + k * spread, usual };
}

export function isOutOfRange(value: number, range: ExpectedRange): boolean {
  return (range.high !== null && value > range.high) || (range.low !== null && value < range.low);
}

export interface Reading {
  key: string;
  label: string;
  value: number;
  range: ExpectedRange;
  out: boolean;
}

/**
 * Each key's reading: its number in the checked period against its range. `history[i]` holds the
 * keys' numbers in the i-th week before (a key absent there had none: 0). The keys read are those
 * with a number in the period or in a week before, and `alsoKeys` (those out of range until now,
 * so a key that fell to nothing can recover).
 */
export function readKeys(
  rule: RangeRule,
  current: Map<string, { label: string; value: number }>,
  history: Map<string, { label: string; value: number }>[],
  alsoKeys: Map<string, string> = new Map(),
): Reading[] {
  const labels = new Map<string, string>();
  for (const [key, label] of alsoKeys) labels.set(key, label);
  for (const week of history) for (const [key, v] of week) labels.set(key, v.label);
  for (const [key, v] of current) labels.set(key, v.label);
  return [...labels].map(([key, label]) => {
    const value = current.get(key)?.value ?? 0;
    const range = expectedRange(
      rule,
      history.map((week) => week.get(key)?.value ?? 0),
    );
    return { key, label, value, range, out: isOutOfRange(value, range) };
  });
}
