import type { StepProgress } from "./run-import";

const count = (n: number) => n.toLocaleString("en-US");

/** Items per second over the time the step has run (null before it has run at all). */
export function stepRate(step: Pick<StepProgress, "fetched" | "elapsedMs">): number | null {
  return step.elapsedMs > 0 ? Math.round((step.fetched * 1000) / step.elapsedMs) : null;
}

/** "actions: 12,250 fetched · 12,250 stored · 3 skipped · 1,830/s" (terminal and log lines). */
export function describeStep(step: StepProgress): string {
  const rate = stepRate(step);
  return [
    `${step.resource}: ${count(step.fetched)} fetched`,
    `${count(step.stored)} stored`,
    ...(step.skipped > 0 ? [`${count(step.skipped)} skipped`] : []),
    ...(rate !== null ? [`${count(rate)}/s`] : []),
    ...(step.done ? ["done"] : []),
  ].join(" · ");
}
