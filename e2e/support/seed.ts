import { openDatabase, type OpenDatabase } from "../../lib/db/open";
import { seedApiProgram } from "../../lib/testing/api-fixture";
import { seedTabProgram } from "../../lib/testing/tab-fixture";
import { addMember, createProgram, createUser } from "../../lib/testing/factories";
import { e2eDatabaseUrl } from "./env";

let db: Promise<OpenDatabase> | undefined;

/** A connection to the PostgreSQL-backed end-to-end server's database, one per worker. */
export function e2eDatabase(): Promise<OpenDatabase> {
  db ??= openDatabase({ engine: "postgres", url: e2eDatabaseUrl() });
  return db;
}

/** A new user who is a member of a new program: every spec gets its own. */
export async function seedMember(role: "owner" | "manager" | "viewer" = "owner") {
  const { prisma } = await e2eDatabase();
  const user = await createUser(prisma);
  const program = await createProgram(prisma);
  await addMember(prisma, program.id, user.id, role);
  return { user, program };
}

export async function seedProgram() {
  const { prisma } = await e2eDatabase();
  return createProgram(prisma);
}

/** A member of a program that has groups, partnerships, customers, rules and an API key. */
export async function seedApiMember(role: "owner" | "manager" | "viewer" = "owner") {
  const { prisma } = await e2eDatabase();
  const fixture = await seedApiProgram(prisma);
  const user = await createUser(prisma);
  await addMember(prisma, fixture.program.id, user.id, role);
  return { user, ...fixture };
}

/** A member of a program holding the Actions tab fixture (known actions, partners and times). */
export async function seedTabMember() {
  const db = await e2eDatabase();
  const fixture = await db.withRunner((runner) => seedTabProgram(db.prisma, runner));
  const user = await createUser(db.prisma);
  await addMember(db.prisma, fixture.program.id, user.id, "viewer");
  return { user, ...fixture };
}
