/** The new-actions notice in words, the verb agreeing with the count. */
export function newActionsMessage(count: number): string {
  const n = count.toLocaleString("en-US");
  return count === 1
    ? `${n} new action matches these filters since this view was loaded.`
    : `${n} new actions match these filters since this view was loaded.`;
}
