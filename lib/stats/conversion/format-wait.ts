const UNITS = [
  { ms: 86_400_000, name: "d" },
  { ms: 3_600_000, name: "h" },
  { ms: 60_000, name: "min" },
  { ms: 1_000, name: "s" },
] as const;

/** A time to convert as people read it, in its largest unit and the next ("3 d 4 h", "12 min"). */
export function formatWait(ms: number | null): string {
  if (ms === null) return "–";
  const i = UNITS.findIndex((u) => ms >= u.ms);
  if (i < 0) return ms === 0 ? "0 s" : `${ms} ms`;
  const whole = Math.floor(ms / UNITS[i].ms);
  const next = UNITS[i + 1];
  const part = next ? Math.floor((ms - whole * UNITS[i].ms) / next.ms) : 0;
  return part ? `${whole} ${UNITS[i].name} ${part} ${next.name}` : `${whole} ${UNITS[i].name}`;
}

/** A rate as a percentage with one decimal, "–" when nothing started. */
export function formatRate(rate: number | null): string {
  return rate === null ? "–" : `${(rate * 100).toFixed(1)} %`;
}
