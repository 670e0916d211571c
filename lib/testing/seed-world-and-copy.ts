// A random world seeded into a test's database and its ClickHouse copy (databaseWithCopy).
import { backfillAnalytics } from "../analytics/backfill-analytics";
import { dropAnalyticsDatabase, ensureAnalyticsSchema } from "../analytics/schema";
import type fc from "fast-check";
import type { worldSpec } from "./random-tab-world";
import { seedRandomProgram, type SeededProgram } from "./seed-random-world";
import type { TestAnalytics } from "./test-analytics";
import type { TestDatabase } from "./test-database";

/**
 * Seeds a world's programs into the database and a fresh copy (FINAL reads get slower as parts
 * pile up), filled the way the world says: a backfill or the outbox.
 */
type WorldSpec = typeof worldSpec extends fc.Arbitrary<infer T> ? T : never;

export async function seedWorldAndCopy(
  { db, analytics }: { db: TestDatabase; analytics: TestAnalytics },
  world: WorldSpec,
): Promise<SeededProgram[]> {
  await dropAnalyticsDatabase(analytics.ch!);
  await ensureAnalyticsSchema(analytics.ch!);
  const programs: SeededProgram[] = [];
  for (const spec of world.programs) programs.push(await seedRandomProgram(db, spec));
  if (world.firstSync === "backfill") await backfillAnalytics(db.prisma, analytics.ch!);
  else await analytics.sync();
  return programs;
}
