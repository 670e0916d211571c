// What an alert's delivery says, written when the check finds it (so a retry sends the same
// numbers): the rule, the period, and per key its number, expected range and what moved it.
import { z } from "zod";
import { alertNumber as number } from "./alert-words";

const mover = z.object({
  by: z.string(),
  label: z.string(),
  before: z.number(),
  after: z.number(),
  change: z.number(),
  share: z.number(),
});

const reading = z.object({
  key: z.string(),
  label: z.string(),
  value: z.number(),
  low: z.number().nullable(),
  high: z.number().nullable(),
  usual: z.number().nullable(),
});

export const alertMessage = z.object({
  alertId: z.number(),
  viewName: z.string(),
  /** "Occurrences", "Rewards (USD)", "signup_completed occurrences". */
  metric: z.string(),
  /** The rule in words ("above 100", "away from its usual level (normal sensitivity)"). */
  rule: z.string(),
  /** The period read, in the program's zone ("Mon 7 Dec 2026, 09:00–10:00"). */
  period: z.string(),
  periodStart: z.string(),
  periodEnd: z.string(),
  /** Compared with for what moved: the same period a week before. */
  comparedWith: z.string(),
  chartUrl: z.string(),
  fired: z.array(reading.extend({ movers: z.array(mover) })),
  /** Keys back in range, with the time they went out. */
  recovered: z.array(reading.extend({ since: z.string() })),
});

export type AlertMessage = z.infer<typeof alertMessage>;
export type FiredReading = AlertMessage["fired"][number];

/** "expected 12–40", "expected at most 100", "expected at least 5". */
export function describeRange(r: { low: number | null; high: number | null }): string {
  if (r.low !== null && r.high !== null) return `expected ${number(r.low)}–${number(r.high)}`;
  if (r.high !== null) return `expected at most ${number(r.high)}`;
  if (r.low !== null) return `expected at least ${number(r.low)}`;
  return "";
}

const percent = (share: number) => `${Math.round(share * 100)}%`;
const signed = (n: number) => (n > 0 ? `+${number(n)}` : number(n));

/** The message as lines of text (the email's body; the page's log shows the first). */
export function messageLines(m: AlertMessage): string[] {
  const lines: string[] = [];
  for (const f of m.fired) {
    lines.push(
      `${f.label}: ${m.metric} ${number(f.value)} in ${m.period} — ${m.rule}; ${describeRange(f)}.`,
    );
    if (f.movers.length) {
      lines.push(`  What moved it (against ${m.comparedWith}):`);
      for (const mv of f.movers) {
        lines.push(
          `  · ${mv.by} ${mv.label}: ${number(mv.before)} → ${number(mv.after)} (${signed(mv.change)}, ${percent(mv.share)} of the change)`,
        );
      }
    }
  }
  for (const r of m.recovered) {
    lines.push(
      `Recovered: ${r.label}: ${m.metric} ${number(r.value)} in ${m.period}, back in range (${describeRange(r)}); out of range since ${r.since}.`,
    );
  }
  return lines;
}

/** One line for the log and the subject: what fired or recovered. */
export function messageSummary(m: AlertMessage): string {
  const parts: string[] = [];
  if (m.fired.length) {
    const first = m.fired[0];
    parts.push(
      m.fired.length === 1
        ? `${first.label}: ${m.metric} ${number(first.value)} (${describeRange(first)})`
        : `${m.fired.length} out of range (${first.label} first)`,
    );
  }
  if (m.recovered.length) {
    parts.push(
      m.recovered.length === 1
        ? `${m.recovered[0].label} recovered`
        : `${m.recovered.length} recovered`,
    );
  }
  return parts.join("; ");
}
