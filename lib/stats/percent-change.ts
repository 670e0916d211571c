/** Change against the previous period in percent; null when there was nothing to compare with. */
export function percentChange(current: number, previous: number): number | null {
  return previous === 0 ? null : ((current - previous) / previous) * 100;
}
