import type { ReactNode } from "react";
import { tdClass } from "@/components/ui/styles";
import { ChangeCell } from "./change-cell";

const numberCell = `${tdClass} text-right tabular-nums`;
const count = (n: number) => n.toLocaleString("en-US");

/**
 * A table row's counted cells, the same in the detailed and the grouped table (rows and totals):
 * occurrences, then with a compared period its count and the change; rewards, likewise. The
 * occurrence cells hold what the caller gives (a link to the actions, or plain text).
 */
export function CountedCells({
  numbers,
  occurrences,
  previous,
  money,
  testIds = {},
}: {
  numbers: {
    occurrences: number;
    previousOccurrences: number | null;
    rewardCents: number;
    previousRewardCents: number | null;
  };
  occurrences: ReactNode;
  /** The compared period's count (shown only when `numbers` has one). */
  previous: ReactNode;
  money: (cents: number) => string;
  testIds?: { occurrences?: string; previous?: string; rewards?: string };
}) {
  const n = numbers;
  return (
    <>
      <td className={numberCell} data-testid={testIds.occurrences}>
        {occurrences}
      </td>
      {n.previousOccurrences !== null && (
        <>
          <td className={numberCell} data-testid={testIds.previous}>
            {previous}
          </td>
          <td className={numberCell}>
            <ChangeCell current={n.occurrences} previous={n.previousOccurrences} format={count} />
          </td>
        </>
      )}
      <td className={numberCell} data-testid={testIds.rewards}>
        {money(n.rewardCents)}
      </td>
      {n.previousRewardCents !== null && (
        <>
          <td className={numberCell}>{money(n.previousRewardCents)}</td>
          <td className={numberCell}>
            <ChangeCell current={n.rewardCents} previous={n.previousRewardCents} format={money} />
          </td>
        </>
      )}
    </>
  );
}

/** The tab's totals (and the compared period's) as the counted cells read them. */
export function totalsOf(summary: {
  current: { occurrences: number; rewardCents: number };
  previous: { occurrences: number; rewardCents: number } | null;
}) {
  return {
    occurrences: summary.current.occurrences,
    previousOccurrences: summary.previous?.occurrences ?? null,
    rewardCents: summary.current.rewardCents,
    previousRewardCents: summary.previous?.rewardCents ?? null,
  };
}
