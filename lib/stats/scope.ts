import { resolveTimeframe, type InstantRange } from "./timeframe/resolve-timeframe";
import type { ActionsTabFilters } from "./url/search-params";
import type { TabEngine } from "./engine";
import type { Unit } from "./timeframe/timeframe";
import type { Breakdown, BreakdownLists } from "./breakdown/breakdown";

/**
 * Everything a tab query needs: the engine that answers, the program, its zone, the filters and
 * the resolved instants.
 */
export interface TabScope {
  engine: TabEngine;
  programId: number;
  timezone: string;
  filters: ActionsTabFilters;
  range: InstantRange;
  previous: InstantRange | null;
  /** The timeframe's span when a period is compared (null: nothing compared). */
  compareShift?: { n: number; unit: Unit } | null;
  /** The moment the view's data was read; "new actions" are those received after it. */
  asOf: number;
  rangeDescription: string;
  /** The drill-down of the period compared with: `range` is that period (`period=compared`). */
  comparedPeriod?: boolean;
  /** A partner page's scope: only this partnership's actions. */
  partnershipId?: number;
  /** The chart's series not drawn, by name (the URL's `hidden`); numbers and table ignore it. */
  hiddenSeries?: readonly string[];
  /** What the chart stacks by (`stack_by`; action type when unset). */
  stackBy?: Breakdown;
  /** What the table's rows are grouped by (`rows_by`; null: partner, type and value). */
  rowsBy?: Breakdown | null;
  /** The program's groups, managers and tags: the labels of breakdowns by them. */
  lists?: BreakdownLists;
  /** Each action type's colour in the program (chart/series-colors.ts), by name. */
  typeColors?: ReadonlyMap<string, string>;
}

export function tabScope(
  engine: TabEngine,
  program: { id: number; timezone: string },
  filters: ActionsTabFilters,
  now = Date.now(),
): TabScope {
  const resolved = resolveTimeframe(filters.timeframe, program.timezone, now, filters.compare);
  return {
    engine,
    programId: program.id,
    timezone: program.timezone,
    filters,
    range: resolved.current,
    previous: resolved.previous,
    compareShift: resolved.compareShift,
    asOf: now,
    rangeDescription: resolved.description,
  };
}

/** An ILIKE pattern matching `text` anywhere, its wildcards escaped (same on both engines). */
export function likePattern(text: string): string {
  return `%${text.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
}
