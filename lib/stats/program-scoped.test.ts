import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { onClickHouseStatement } from "../analytics/clickhouse";
import type { PrismaClient } from "../generated/prisma/client";
import { seedTabProgram } from "../testing/tab-fixture";
import { openTestAnalytics, type TestAnalytics } from "../testing/test-analytics";
import { createTestDatabase, type TestDatabase } from "../testing/test-database";
import { DEFAULT_FILTERS, TABLE_SORTS, type ActionsTabFilters } from "./url/search-params";
import { parseTimeframe } from "./timeframe/timeframe";
import { countNewActions } from "./count-new-actions";
import { NEWEST_FIRST, PARTNER_STAT_SORTS } from "./engine";
import { getDrillDown } from "./get-drill-down";
import { getOccurrenceTable } from "./get-occurrence-table";
import { getSeries } from "./get-series";
import { getSummary } from "./get-summary";
import { tabScope } from "./scope";

// Every table a tab query may read: each reference must be pinned to the scope's program, so the
// data can be sharded by program and no query can read across programs.
const TABLE_REF =
  /\b(?:FROM|JOIN)\s+(?:\{db:Identifier\}\.)?(actions|partnerships|partnership_tags|action_types|customers)\b/gi;

interface Statement {
  query: string;
  /** Positional ($1…) or named ({p0:…}) parameter values. */
  params: Record<string, unknown>;
}

/** Problems with one statement's program conditions (empty when it is scoped). */
export function programScopeProblems(statement: Statement, programId: number): string[] {
  const { query, params } = statement;
  const refs = [...query.matchAll(TABLE_REF)].map((m) => m[1]);
  if (refs.length === 0) return [];
  const bound = (placeholder: string) => {
    const name = placeholder.startsWith("$") ? placeholder.slice(1) : placeholder.split(":")[0];
    return Number(params[name]) === programId;
  };
  let pinned = 0;
  let direct = 0;
  for (const m of query.matchAll(/program_id\s*=\s*(\$\d+|\{(\w+):\w+\}|\w+\.program_id)/g)) {
    if (m[1].endsWith(".program_id")) pinned++;
    else if (bound(m[2] ?? m[1])) {
      pinned++;
      direct++;
    }
  }
  const problems: string[] = [];
  if (direct === 0) problems.push("no program_id condition bound to the scope's program");
  if (pinned < refs.length) {
    problems.push(
      `${refs.length} table references (${refs.join(", ")}) but ${pinned} program_id conditions`,
    );
  }
  return problems;
}

function recordPostgres(prisma: PrismaClient, statements: Statement[]) {
  return prisma.$extends({
    query: {
      async $queryRaw({ args, query }) {
        // A tagged query arrives as Prisma's Sql object: `text` numbers its placeholders $1, $2…
        const sql = args as unknown as { text: string; values: unknown[] };
        statements.push({
          query: sql.text,
          params: Object.fromEntries(sql.values.map((v, i) => [String(i + 1), v])),
        });
        return query(args);
      },
    },
  }) as unknown as PrismaClient;
}

describe.each(["postgres", "chdb"] as const)("every tab query on %s names its program", (kind) => {
  let db: TestDatabase;
  let analytics: TestAnalytics;
  let programId: number;
  const statements: Statement[] = [];
  let stop = () => {};
  beforeAll(async () => {
    db = await createTestDatabase(inject("engines").includes("postgres") ? "postgres" : "pglite");
    const f = await db.withRunner((runner) => seedTabProgram(db.prisma, runner));
    programId = f.program.id;
    // The PostgreSQL engine reads through a recording client; ClickHouse statements are heard below.
    const recorded = { ...db, prisma: recordPostgres(db.prisma, statements) };
    analytics = await openTestAnalytics(kind, kind === "postgres" ? recorded : db);
    await analytics.sync();
    stop = onClickHouseStatement((query, params) => statements.push({ query, params }));
  });
  afterAll(async () => {
    stop();
    await analytics.close();
    await db.close();
  });

  it("scopes summary, series, table, exports, drill-down, new-actions and partner numbers to the program", async () => {
    const program = await db.prisma.program.findUniqueOrThrow({ where: { id: programId } });
    const withFilters: Partial<ActionsTabFilters> = {
      timeframe: parseTimeframe("past_12_months")!,
      group: [1],
      manager_op: "exclude",
      manager: [1],
      tag: [1],
      name: "a",
      email: "e",
      marketplace: "no",
      archived: "no",
    };
    statements.length = 0;
    for (const filters of [{}, withFilters]) {
      const scope = tabScope(analytics.engine, program, { ...DEFAULT_FILTERS, ...filters });
      await getSummary(scope);
      await getSeries(scope);
      for (const sort of TABLE_SORTS)
        await getOccurrenceTable(scope, { sort, dir: "asc", page: 9 });
      for await (const chunk of scope.engine.occurrenceCsv(scope, { sort: "name", dir: "asc" }))
        expect(chunk).toBeDefined();
      const selection = { partner: "p1", type: "t", value: 1 };
      for await (const chunk of scope.engine.drillCsv(
        scope,
        selection,
        NEWEST_FIRST,
        new Map([[1, "r"]]),
      ))
        expect(chunk).toBeDefined();
      const first = await getDrillDown(scope, { partner: "p1", type: "t", value: 1, after: null });
      await getDrillDown(scope, { partner: null, type: null, value: null, after: "1_1" });
      expect(first.total).toBeGreaterThanOrEqual(0);
      await countNewActions(scope, 0);
      const conversion = { from: "t", to: "u", withinDays: 30 };
      for (const by of ["total", "partner", "group"] as const)
        await scope.engine.conversionCounts(scope, conversion, by);
      await getDrillDown(scope, {
        ...{ partner: null, type: null, value: null, after: null },
        ...{ from: "t", to: "u", within: 30, converted: "yes" as const, in_group: 1 },
      });
      for (const ids of [null, [1, 2]]) await scope.engine.partnerStats(scope, ids);
      for (const sort of PARTNER_STAT_SORTS)
        await scope.engine.rankPartners(scope, {
          sort,
          dir: "desc",
          after: { value: 1, id: 1 },
          limit: 5,
        });
      const rule = {
        actionTypeId: 1,
        minValue: 2,
        groupId: 1,
        amountCents: 5,
        multiplyByValue: true,
      };
      await scope.engine.ruleReplay(scope, { today: [rule], draft: [] });
    }
    const tabStatements = statements.filter((s) => TABLE_REF.test(s.query));
    TABLE_REF.lastIndex = 0;
    expect(tabStatements.length).toBeGreaterThan(10);
    const unscoped = tabStatements
      .map((s) => ({ query: s.query, problems: programScopeProblems(s, programId) }))
      .filter((s) => s.problems.length > 0);
    expect(unscoped).toEqual([]);
  });

  it("notices a query that forgets its program", () => {
    expect(
      programScopeProblems(
        { query: "SELECT count(*) FROM actions a WHERE a.archived_at IS NULL", params: {} },
        programId,
      ),
    ).not.toEqual([]);
    expect(
      programScopeProblems(
        {
          query:
            "SELECT 1 FROM {db:Identifier}.actions AS a FINAL WHERE a.program_id = {p0:Int64} AND a.partnership_id IN (SELECT id FROM {db:Identifier}.partnerships FINAL WHERE archived = 1)",
          params: { p0: programId },
        },
        programId,
      ),
    ).not.toEqual([]);
  });
});
