// Property: rules tried on history (getRuleReplay) give, on PostgreSQL/PGlite and on the
// ClickHouse copy (chdb), exactly what evaluateRewardRules gives applied action by action — the
// published rules and the draft, per partnership, to the cent — for random data, edits
// delivered through the outbox, random drafts and random timeframes; and both engines agree
// under every random filter. FC_SEED / FC_RUNS as in engines-agree.test.ts.
import fc from "fast-check";
import { describe, expect, inject, it } from "vitest";
import { applyRuleChange } from "../rule-replay/rule-change";
import { modelReplay } from "../testing/model-replay";
import {
  resolveRuleChange,
  ruleChangeSpec,
  type RuleChangeSpec,
} from "../testing/random-rule-change";
import { querySpec, resolveQuery, type QuerySpec } from "../testing/random-tab-query";
import { worldSpec } from "../testing/random-tab-world";
import { applyEdits, type SeededProgram } from "../testing/seed-random-world";
import { databaseWithCopy } from "../testing/database-with-copy";
import { seedWorldAndCopy } from "../testing/seed-world-and-copy";
import type { Engine } from "../testing/engines";
import { getRuleReplay } from "./get-rule-replay";
import { postgresTabEngine } from "./postgres/postgres-engine";
import { tabScope } from "./scope";
import { DEFAULT_FILTERS } from "./url/search-params";

const SEED = Number(process.env.FC_SEED ?? 20261206);
const RUNS: Record<Engine, number> = { pglite: 8, postgres: 6 };

const reads = fc.array(fc.tuple(querySpec, ruleChangeSpec), { minLength: 6, maxLength: 6 });

describe.each(inject("engines"))("rules tried on history, on %s and on ClickHouse", (engine) => {
  const opened = databaseWithCopy(engine);

  async function expectModel(s: SeededProgram, batch: [QuerySpec, RuleChangeSpec][], when: string) {
    const { db, analytics } = opened;
    const partners = await db.prisma.partnership.findMany({
      where: { programId: s.program.id },
      select: { id: true, groupId: true },
    });
    const groupOf = new Map(partners.map((p) => [p.id, p.groupId]));
    for (const [q, c] of batch) {
      const { filters, now } = resolveQuery(q, s);
      const change = resolveRuleChange(c, s);
      const rules = { today: s.rules, draft: applyRuleChange(s.rules, change) };
      const label = `${when}: program ${s.program.id}, now ${new Date(now).toISOString()}, change ${JSON.stringify(change)}`;
      // The timeframe, group and type filters: the model reads them itself.
      const plain = {
        ...DEFAULT_FILTERS,
        timeframe: filters.timeframe,
        group: filters.group,
        group_op: filters.group_op,
        action_type: filters.action_type,
        action_type_op: filters.action_type_op,
      };
      const within = (ids: number[], op: string, id: number) =>
        !ids.length || ids.includes(id) === (op === "include");
      const pgPlain = tabScope(postgresTabEngine(db), s.program, plain, now);
      const expected = modelReplay(
        s,
        groupOf,
        rules.draft,
        pgPlain.range,
        (groupId, typeId) =>
          within(plain.group, plain.group_op, groupId) &&
          within(plain.action_type, plain.action_type_op, typeId),
      );
      for (const tabEngine of [postgresTabEngine(db), analytics.engine]) {
        const replay = await getRuleReplay(tabScope(tabEngine, s.program, plain, now), rules);
        expect(
          replay.partners.map(({ differenceCents, ...row }) => {
            expect(differenceCents).toBe(row.draftCents - row.todayCents);
            return row;
          }),
          `${tabEngine.name}, ${label}`,
        ).toEqual(expected);
      }
      // Every filter: the engines agree.
      const pg = await getRuleReplay(
        tabScope(postgresTabEngine(db), s.program, filters, now),
        rules,
      );
      const ch = await getRuleReplay(tabScope(analytics.engine, s.program, filters, now), rules);
      expect(ch, `filters ${JSON.stringify(filters)}, ${label}`).toEqual(pg);
    }
  }

  it("prices every action as evaluateRewardRules does, to the cent, on both engines", async () => {
    await fc.assert(
      fc.asyncProperty(worldSpec, reads, reads, async (world, before, after) => {
        const { db, analytics } = opened;
        const programs = await seedWorldAndCopy(opened, world);
        await expectModel(programs[0], before, "after the first sync");
        for (const program of programs) await applyEdits(db, program);
        await analytics.sync();
        await expectModel(programs[0], after, "after edits delivered by the outbox");
      }),
      { numRuns: Number(process.env.FC_RUNS ?? RUNS[engine]), seed: SEED, endOnFailure: true },
    );
  }, 240_000);
});
