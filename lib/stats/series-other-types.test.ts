// The chart draws at most MAX_SERIES series whatever the number of action types: the most frequent
// types, then "Other types" summing the rest, with every occurrence kept (checked against counts
// the test computes from what it seeded), on both engines.
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { seedApiProgram } from "../testing/api-fixture";
import { analyticsCases, openTestAnalytics, type TestAnalytics } from "../testing/test-analytics";
import { createTestDatabase, type TestDatabase } from "../testing/test-database";
import { DEFAULT_FILTERS } from "./url/search-params";
import { parseTimeframe } from "./timeframe/timeframe";
import { getSeries, MAX_SERIES, OTHER_TYPES } from "./get-series";
import { OTHER_SERIES } from "./chart/series-colors";
import { loadFilterOptions } from "./filters/load-filter-options";
import { tabScope } from "./scope";

const NOW = Date.UTC(2026, 10, 20, 12);
const TYPES = 14;
/** Type t gets t + 1 actions, so the ranking is known: the highest t are the most frequent. */
const countOf = (t: number) => t + 1;
const nameOf = (t: number) => `type_${String(t).padStart(2, "0")}`;

describe.each(analyticsCases(inject("engines")))(
  "chart series for many types on $db answered by $analytics",
  ({ db: engine, analytics: kind }) => {
    let db: TestDatabase;
    let analytics: TestAnalytics;
    let program: { id: number; timezone: string };
    beforeAll(async () => {
      db = await createTestDatabase(engine);
      const f = await seedApiProgram(db.prisma);
      program = f.program;
      for (let t = 0; t < TYPES; t++) {
        const type = await db.prisma.actionType.create({
          data: { programId: program.id, name: nameOf(t) },
        });
        // Type t's actions are also group t's and carry plan = its name: the same counts by
        // group (a program's list) and by property (values only the actions know).
        const name = nameOf(t);
        const group = await db.prisma.group.create({
          data: { programId: program.id, key: name, name, slug: name.replace("_", "-") },
        });
        const partnership = await db.prisma.partnership.create({
          data: {
            programId: program.id,
            partnerKey: `p_${name}`,
            firstName: name,
            lastName: "",
            email: `${name}@x.test`,
            groupId: group.id,
          },
        });
        await db.prisma.action.createMany({
          data: Array.from({ length: countOf(t) }, (_, i) => ({
            programId: program.id,
            key: `a_${t}_${i}`,
            actionTypeId: type.id,
            targetType: "partnership" as const,
            partnershipId: partnership.id,
            occurredAt: new Date(NOW - (i % 5) * 86_400_000),
            properties: { plan: name },
          })),
        });
      }
      analytics = await openTestAnalytics(kind, db);
      await analytics.sync();
    });
    afterAll(async () => {
      await analytics.close();
      await db.close();
    });

    it.each([
      ["types", { kind: "type" }, OTHER_TYPES],
      ["groups (the program's list)", { kind: "group" }, OTHER_SERIES],
      ["property values", { kind: "property", key: "plan" }, OTHER_SERIES],
    ] as const)(
      "draws the most frequent %s and sums the others, losing no occurrence",
      async (_, by, other) => {
        const scope = {
          ...tabScope(
            analytics.engine,
            program,
            { ...DEFAULT_FILTERS, timeframe: parseTimeframe("any_time")! },
            NOW,
          ),
          stackBy: by,
          lists: await loadFilterOptions(db.prisma, program.id),
        };
        const series = await getSeries(scope);
        const kept = Array.from({ length: MAX_SERIES - 1 }, (_, i) => nameOf(TYPES - 1 - i)).sort();
        expect(series.types).toEqual([...kept, other]);
        expect(series.otherTypes).toBe(TYPES - (MAX_SERIES - 1));
        const sum = (type: string) => series.rows.reduce((s, r) => s + Number(r[type]), 0);
        for (const type of kept) expect(sum(type), type).toBe(countOf(Number(type.slice(5))));
        const others = Array.from({ length: TYPES - (MAX_SERIES - 1) }, (_, t) => countOf(t));
        expect(sum(other)).toBe(others.reduce((a, b) => a + b, 0));
      },
    );
  },
);
