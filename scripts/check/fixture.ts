// The program the reliability checks (check:load, check:crash) send actions to: a fresh database
// on the local PostgreSQL server or in an embedded PGlite folder, seeded through the project's
// own factories, with reward rules the checks model independently (`expected.ts`).
import { rmSync } from "node:fs";
import { generateApiKeyPair, hashSecret } from "../../lib/api-keys/api-key-secrets";
import type { DatabaseTarget } from "../../lib/db/connection";
import { migrate, openDatabase } from "../../lib/db/open";
import { recreateLocalDatabase } from "../../lib/db/recreate-local-database";
import { testDatabaseUrl } from "../../lib/testing/engines";
import { addMember, createProgram, createUser } from "../../lib/testing/factories";
import { CHECK_CUSTOMERS, CHECK_PARTNERSHIPS, CHECK_RULES, GROUPS, groupOf } from "./expected";

export interface CheckProgram {
  programId: number;
  slug: string;
  /** HTTP Basic credentials of the program's API key. */
  authorization: string;
  /** A viewer, to read the Actions tab's numbers over HTTP. */
  viewer: { email: string; password: string };
}

/**
 * A new empty database: `name` dropped and created on the server of TEST_DATABASE_URL (local
 * hosts only), or the PGlite folder `dir` removed. Nothing else is touched.
 */
export async function freshDatabase(
  spec: { engine: "postgres"; name: string } | { engine: "pglite"; dir: string },
): Promise<DatabaseTarget> {
  if (spec.engine === "pglite") {
    rmSync(spec.dir, { recursive: true, force: true });
    return { engine: "pglite", dir: spec.dir };
  }
  if (!/^ab_check_[a-z0-9_]+$/.test(spec.name)) {
    throw new Error(`Check databases are named ab_check_…, not "${spec.name}".`);
  }
  const url = new URL(testDatabaseUrl());
  url.pathname = `/${spec.name}`;
  await recreateLocalDatabase(url.toString());
  return { engine: "postgres", url: url.toString() };
}

/** Migrates the database and seeds one program with partnerships, customers, rules and a key. */
export async function seedCheckProgram(target: DatabaseTarget): Promise<CheckProgram> {
  const db = await openDatabase(target);
  try {
    await migrate(db);
    const { prisma } = db;
    const program = await createProgram(prisma, { timezone: "UTC" });
    const user = await createUser(prisma, { name: "Check viewer" });
    await addMember(prisma, program.id, user.id, "viewer");
    await prisma.group.createMany({
      data: GROUPS.map((key) => ({ programId: program.id, key, name: key, slug: key })),
    });
    const groupIds = new Map(
      (await prisma.group.findMany({ where: { programId: program.id } })).map((g) => [g.key, g.id]),
    );
    await prisma.partnership.createMany({
      data: Array.from({ length: CHECK_PARTNERSHIPS }, (_, i) => ({
        programId: program.id,
        partnerKey: `ptn_${i + 1}`,
        firstName: "Partner",
        lastName: String(i + 1),
        email: `ptn_${i + 1}@check.test`,
        groupId: groupIds.get(groupOf(`ptn_${i + 1}`))!,
      })),
    });
    const partnershipIds = new Map(
      (await prisma.partnership.findMany({ where: { programId: program.id } })).map((p) => [
        p.partnerKey,
        p.id,
      ]),
    );
    await prisma.customer.createMany({
      data: Array.from({ length: CHECK_CUSTOMERS }, (_, i) => ({
        programId: program.id,
        customerKey: `cus_${i + 1}`,
        email: `cus_${i + 1}@check.test`,
        partnershipId: partnershipIds.get(`ptn_${1 + ((i + 1) % CHECK_PARTNERSHIPS)}`)!,
      })),
    });
    const ruleTypes = [...new Set(CHECK_RULES.map((r) => r.type))];
    await prisma.actionType.createMany({
      data: ruleTypes.map((name) => ({ programId: program.id, name })),
    });
    const typeIds = new Map(
      (await prisma.actionType.findMany({ where: { programId: program.id } })).map((t) => [
        t.name,
        t.id,
      ]),
    );
    await prisma.rewardRule.createMany({
      data: CHECK_RULES.map((rule) => ({
        programId: program.id,
        name: rule.name,
        actionTypeId: typeIds.get(rule.type)!,
        amountCents: rule.amountCents,
        multiplyByValue: rule.perUnit ?? false,
        minValue: rule.minValue ?? null,
        groupId: rule.group ? groupIds.get(rule.group)! : null,
        active: rule.active ?? true,
      })),
    });
    const pair = generateApiKeyPair("test");
    await prisma.apiKey.create({
      data: {
        programId: program.id,
        label: "reliability check",
        mode: "test",
        publicKey: pair.publicKey,
        secretHash: hashSecret(pair.secret),
      },
    });
    const basic = Buffer.from(`${pair.publicKey}:${pair.secret}`).toString("base64");
    return {
      programId: program.id,
      slug: program.slug,
      authorization: `Basic ${basic}`,
      viewer: { email: user.email, password: user.password },
    };
  } finally {
    await db.close();
  }
}
