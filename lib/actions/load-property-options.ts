import "server-only";
import type { PrismaClient } from "../generated/prisma/client";

/** A property name the program sends, with its most frequent values (as text). */
export interface PropertyOption {
  key: string;
  values: string[];
}

/** How many recent actions the choices are read from: a bounded cost at any size. */
export const PROPERTY_SAMPLE = 5_000;
const VALUES_PER_KEY = 20;
const MAX_KEYS = 50;

/**
 * The property names and most frequent values of the program's latest actions (by receipt, an
 * index range), for the filter's suggestions: cheap at 10 million actions, and what a manager
 * looks for is what the backend sends now. Any other name or value can still be typed.
 */
export async function loadPropertyOptions(
  prisma: PrismaClient,
  programId: number,
): Promise<PropertyOption[]> {
  const rows = await prisma.$queryRaw<{ key: string; value: string }[]>`
    SELECT e.key, e.value
    FROM (SELECT properties FROM actions WHERE program_id = ${programId}
          ORDER BY created_at DESC, id DESC LIMIT ${PROPERTY_SAMPLE}) a,
         jsonb_each_text(a.properties) e
    GROUP BY e.key, e.value
    ORDER BY e.key, count(*) DESC, e.value
    LIMIT ${MAX_KEYS * VALUES_PER_KEY * 4}`;
  const byKey = new Map<string, string[]>();
  for (const { key, value } of rows) {
    const values = byKey.get(key) ?? [];
    if (!byKey.has(key)) {
      if (byKey.size >= MAX_KEYS) continue;
      byKey.set(key, values);
    }
    if (values.length < VALUES_PER_KEY) values.push(value);
  }
  return [...byKey].map(([key, values]) => ({ key, values }));
}
