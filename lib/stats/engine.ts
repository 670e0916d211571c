import type { StoredRewardOutcome } from "../rewards/evaluate-reward-rules";
import type { InstantRange } from "./timeframe/resolve-timeframe";
import type { DRILL_SORTS, DrillSelection, TableState } from "./url/search-params";
import type { TabScope } from "./scope";
import type { Breakdown } from "./breakdown/breakdown";
import type {
  ConversionBy,
  ConversionQuestion,
  ConversionTotals,
  ConversionDrillKey,
  KeyedConversionCounts,
} from "./conversion/conversion";

export interface SummaryNumbers {
  occurrences: number;
  totalValue: number;
  rewardCents: number;
  partners: number;
  customers: number;
}

/** An engine's row of summary numbers (bigint, numeric text or number) as numbers. */
export function toSummaryNumbers(
  row: Record<keyof SummaryNumbers, bigint | number | string | null>,
): SummaryNumbers {
  return {
    occurrences: Number(row.occurrences ?? 0),
    totalValue: Number(row.totalValue ?? 0),
    rewardCents: Number(row.rewardCents ?? 0),
    partners: Number(row.partners ?? 0),
    customers: Number(row.customers ?? 0),
  };
}

export interface OccurrenceRow {
  partnerKey: string;
  partnerName: string;
  partnerEmail: string;
  actionType: string;
  actionValue: number;
  occurrences: number;
  rewardCents: number;
  /** The same row's numbers in the period compared with; null when nothing is compared. */
  previousOccurrences: number | null;
  previousRewardCents: number | null;
}

type CountedColumn =
  "actionValue" | "occurrences" | "rewardCents" | "previousOccurrences" | "previousRewardCents";

/** An engine's table row (counts as bigint, numeric text or number) as an OccurrenceRow. */
export const toOccurrenceRow =
  (compared: boolean) =>
  (
    r: Omit<OccurrenceRow, CountedColumn> & Record<CountedColumn, bigint | number | string>,
  ): OccurrenceRow => ({
    partnerKey: r.partnerKey,
    partnerName: r.partnerName,
    partnerEmail: r.partnerEmail,
    actionType: r.actionType,
    actionValue: Number(r.actionValue),
    occurrences: Number(r.occurrences),
    rewardCents: Number(r.rewardCents),
    previousOccurrences: compared ? Number(r.previousOccurrences) : null,
    previousRewardCents: compared ? Number(r.previousRewardCents) : null,
  });

export interface DrillRow {
  id: string;
  key: string;
  occurredAt: Date;
  createdAt: Date;
  partnerKey: string;
  partnerName: string;
  partnerEmail: string;
  customerEmail: string | null;
  actionType: string;
  actionValue: number;
  rewardCents: number;
  rewardOutcome: StoredRewardOutcome;
  /** The action's properties as text (5 → "5"): property-text.ts lists them. */
  properties: Record<string, string>;
}

export interface DailyCount {
  day: string;
  type: string;
  occurrences: number;
}

/**
 * A row of the table grouped by a breakdown (`rows_by`): its key (breakdown/breakdown.ts), the
 * label it sorts by, and the numbers of the timeframe and the period compared with.
 */
export interface BreakdownRow {
  key: string;
  label: string;
  occurrences: number;
  rewardCents: number;
  previousOccurrences: number | null;
  previousRewardCents: number | null;
}

/** Occurrences of one breakdown key on one local day (`YYYY-MM-DD`). */
export interface BreakdownCount {
  day: string;
  key: string;
  occurrences: number;
}

/** The key under which `breakdownDaily` sums every key it was not asked to keep. */
export const OTHER_KEY = "~other";

/**
 * The labels an engine sorts a breakdown's rows by when the copy does not hold them (groups,
 * managers, tags, the marketplace flag): key → label, from the program's lists.
 */
export type KeyLabels = [key: string, label: string][];

/** An engine's breakdown row (counts as bigint, numeric text or number) as a BreakdownRow. */
export const toBreakdownRow =
  (compared: boolean) =>
  (r: Record<string, bigint | number | string | null>): BreakdownRow => ({
    key: String(r.key),
    label: String(r.label ?? ""),
    occurrences: Number(r.occurrences),
    rewardCents: Number(r.rewardCents),
    previousOccurrences: compared ? Number(r.previousOccurrences) : null,
    previousRewardCents: compared ? Number(r.previousRewardCents) : null,
  });

/** A drill-down order: by time (occurred_at), action value or reward, ties by id the same way. */
export type DrillOrder = { sort: (typeof DRILL_SORTS)[number]; dir: "asc" | "desc" };
export const NEWEST_FIRST: DrillOrder = { sort: "time", dir: "desc" };

/** A row's position in a drill-down order: its sort value (epoch ms for time) and id. */
export type DrillCursor = { value: number; id: bigint };

/** A partnership's numbers in the Partners directory: actions and rewards in the timeframe. */
export interface PartnerStats {
  id: number;
  actions: number;
  rewardCents: number;
  /** Its newest (non-archived) action at any time, epoch ms; null when it has none. */
  lastActionAt: number | null;
}

export const PARTNER_STAT_SORTS = ["actions", "rewards", "last_action"] as const;
export type PartnerStatSort = (typeof PARTNER_STAT_SORTS)[number];

/** A page of partnerships ranked by one of their numbers (ties by id), after a cursor row. */
export interface PartnerRanking {
  sort: PartnerStatSort;
  dir: "asc" | "desc";
  /** The sort value and id of the last row shown: the page starts after it. */
  after: { value: number; id: number } | null;
  /** null = every row. */
  limit: number | null;
}

/** The sort value of a partnership without actions under `last_action` (before any instant). */
export const NO_ACTION_AT = -Number.MAX_SAFE_INTEGER;

/** The number a ranking sorts by. */
export function partnerSortValue(stats: PartnerStats, sort: PartnerStatSort): number {
  if (sort === "actions") return stats.actions;
  if (sort === "rewards") return stats.rewardCents;
  return stats.lastActionAt ?? NO_ACTION_AT;
}
/**
 * A rule that rewards, as a replay applies it (inactive rules are left out before): an action of
 * the type, with value ≥ `minValue` (null: any), of a partnership in `groupId` (null: any) earns
 * `amountCents`, times its value when `multiplyByValue`.
 */
export interface ReplayRule {
  actionTypeId: number;
  minValue: number | null;
  groupId: number | null;
  amountCents: number;
  multiplyByValue: boolean;
}

/** The published rules and the draft (the published ones with one change). */
export interface ReplayRuleSets {
  today: ReplayRule[];
  draft: ReplayRule[];
}

/** One partnership's actions in a replay; cents are exact integers (a draft can pass 2^53). */
export interface ReplayPartnerRow {
  partnershipId: number;
  /** The partnership's group as it is now (the one rules are evaluated against). */
  groupId: number;
  actions: number;
  /** Actions the two rule sets reward differently. */
  affected: number;
  recordedCents: bigint;
  todayCents: bigint;
  draftCents: bigint;
}

/** An engine's replay row (integers as numbers or decimal text) as a ReplayPartnerRow. */
export function toReplayPartnerRow(
  row: Record<keyof ReplayPartnerRow, bigint | number | string>,
): ReplayPartnerRow {
  return {
    partnershipId: Number(row.partnershipId),
    groupId: Number(row.groupId),
    actions: Number(row.actions),
    affected: Number(row.affected),
    recordedCents: BigInt(row.recordedCents),
    todayCents: BigInt(row.todayCents),
    draftCents: BigInt(row.draftCents),
  };
}

/**
 * A drill-down's rows: a table row's partner, type and value; with `from`, `to` and `converted`
 * (and `within`, `in_group`) a conversion's starting actions (conversion/conversion.ts).
 */
export type Selection = Pick<DrillSelection, "partner" | "type" | "value"> &
  Partial<Pick<DrillSelection, ConversionDrillKey | "by" | "by_key">>;

/** A breakdown row's actions (`by=group&by_key=3`): those whose key under `by` is `key`. */
export function selectedBreakdown(s: Selection): { by: Breakdown; key: string } | null {
  return s.by && s.by_key != null ? { by: s.by, key: s.by_key } : null;
}

/**
 * What an analytics engine answers for the Actions tab. Two implementations — PostgreSQL (the
 * system of record, also PGlite) and ClickHouse (the analytics copy) — and one set of callers:
 * `get-*.ts` turn these answers into what the page, drill-down and exports show, so neither
 * the screens nor the files know which engine answered. Every statement is scoped to
 * `scope.programId`.
 */
export interface TabEngine {
  readonly name: "postgres" | "clickhouse";
  summaryNumbers(scope: TabScope, range: InstantRange): Promise<SummaryNumbers>;
  /**
   * Matching occurrences per local day (`YYYY-MM-DD` in the program's zone) and type name. One
   * scan serves the chart at any timescale: days roll up into weeks, months, quarters and years,
   * and the first and last days give its extent.
   */
  dailyCounts(scope: TabScope): Promise<DailyCount[]>;
  /**
   * Matching occurrences per local day and key of a breakdown (the chart's `stack_by`); keys not
   * in `keep` summed under OTHER_KEY (null: every key its own).
   */
  breakdownDaily(scope: TabScope, by: Breakdown, keep: string[] | null): Promise<BreakdownCount[]>;
  /**
   * One sorted page of the table grouped by a breakdown (`rows_by`; `limit: null` = all rows) and
   * the row count: the asked sort, then the key (text, byte order). A row is a key with actions
   * in the timeframe; a partnership with several tags counts under each.
   */
  breakdownRows(
    scope: TabScope,
    by: Breakdown,
    labels: KeyLabels,
    table: Pick<TableState, "sort" | "dir">,
    page: number,
    limit: number | null,
  ): Promise<{ rows: BreakdownRow[]; totalRows: number }>;
  /** One sorted page of the occurrences table (`limit: null` = all rows) and the row count. */
  occurrencePage(
    scope: TabScope,
    table: Pick<TableState, "sort" | "dir">,
    page: number,
    limit: number | null,
  ): Promise<{ rows: OccurrenceRow[]; totalRows: number }>;
  /**
   * Every row of the table in the screen's order as CSV lines, formatted and written by the
   * engine itself (COPY / FORMAT CSV) for the exports: name, email, key, type, value,
   * occurrences, rewards.
   */
  occurrenceCsv(
    scope: TabScope,
    table: Pick<TableState, "sort" | "dir">,
  ): AsyncGenerator<Uint8Array>;
  /**
   * Every matching action of a selection in an order, as CSV lines written by the engine:
   * occurred, received (ISO with the program's offset), partner name and email, customer email,
   * key, type, value, reward, reward reason (`ruleNames` names the rules).
   */
  drillCsv(
    scope: TabScope,
    selection: Selection,
    order: DrillOrder,
    ruleNames: Map<number, string>,
  ): AsyncGenerator<Uint8Array>;
  /** Up to `limit` matching actions in an order, those after the cursor (in that order). */
  drillRows(
    scope: TabScope,
    selection: Selection,
    order: DrillOrder,
    cursor: DrillCursor | null,
    limit: number,
  ): Promise<DrillRow[]>;
  drillTotal(scope: TabScope, selection: Selection): Promise<number>;
  /** Matching actions received (created_at) after `since`. */
  countNew(scope: TabScope, since: number): Promise<number>;
  /**
   * The Partners directory's numbers of the given partnerships (null = every partnership matching
   * the scope's partner filters); partnerships without actions are left out.
   */
  partnerStats(scope: TabScope, ids: number[] | null): Promise<PartnerStats[]>;
  /** Partnerships matching the scope's partner filters, ranked by a number. */
  rankPartners(scope: TabScope, ranking: PartnerRanking): Promise<PartnerStats[]>;
  /**
   * Conversion from type A to type B within N days (conversion/conversion.ts): the total and its
   * starting entities grouped as asked, by key (groups without a start are left out), in one pass.
   */
  conversionCounts(
    scope: TabScope,
    question: ConversionQuestion,
    by: ConversionBy,
  ): Promise<ConversionTotals>;
  /**
   * The same starting entities grouped under another breakdown (KEYED_CONVERSION_KINDS), by key,
   * each row's numbers as `conversionCounts` computes them; groups without a start left out.
   */
  conversionByKey(
    scope: TabScope,
    question: ConversionQuestion,
    by: Breakdown,
  ): Promise<KeyedConversionCounts[]>;
  /**
   * The scope's actions priced by two rule sets (rules tried on history): per partnership, its
   * actions, those the two sets price differently, and the rewards recorded, under `today` and
   * under `draft`. One statement; nothing is written.
   */
  ruleReplay(scope: TabScope, rules: ReplayRuleSets): Promise<ReplayPartnerRow[]>;
}

type Questions = Omit<TabEngine, "name">;

/** An engine's answers written as functions of what it reads (their first parameter). */
type AnswersOver<S> = {
  [K in keyof Questions]: (
    source: S,
    ...args: Parameters<Questions[K]>
  ) => ReturnType<Questions[K]>;
};

/** An engine over its source (a database, a ClickHouse client): each answer gets it first. */
export function engineOver<S>(
  name: TabEngine["name"],
  source: S,
  answers: AnswersOver<S>,
): TabEngine {
  const bound = Object.fromEntries(
    Object.entries(answers).map(([question, answer]) => [
      question,
      (...args: unknown[]) => (answer as (...a: unknown[]) => unknown)(source, ...args),
    ]),
  );
  return { name, ...bound } as TabEngine;
}
