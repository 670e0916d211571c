import { test } from "@playwright/test";
import { openDatabase, type OpenDatabase } from "../../lib/db/open";
import { seedApiProgram } from "../../lib/testing/api-fixture";
import { seedTabProgram } from "../../lib/testing/tab-fixture";
import { addMember, createProgram, createUser } from "../../lib/testing/factories";
import { e2eDatabaseUrl, type E2eDatabaseMode } from "./env";

const databases = new Map<string, Promise<OpenDatabase>>();

/**
 * The server the running spec talks to: `clickhouse` answers the tab from embedded ClickHouse,
 * `oidc` signs in by single sign-on.
 */
function serverMode(): E2eDatabaseMode {
  const project = test.info().project.name;
  return project === "clickhouse" || project === "oidc" ? project : "postgres";
}

/** A connection to the running project's PostgreSQL-backed server database, one per worker. */
export function e2eDatabase(): Promise<OpenDatabase> {
  const mode = serverMode();
  if (!databases.has(mode)) {
    databases.set(mode, openDatabase({ engine: "postgres", url: e2eDatabaseUrl(mode) }));
  }
  return databases.get(mode)!;
}

/**
 * On the ClickHouse server, waits until the server's outbox worker has copied a program's rows
 * (its outbox is empty), so a spec's first look sees what it seeded; elsewhere returns at once.
 */
export async function analyticsCaughtUp(programId: number, timeoutMs = 10_000) {
  if (serverMode() !== "clickhouse") return;
  const { prisma } = await e2eDatabase();
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const pending = await prisma.analyticsOutbox.count({ where: { programId } });
    if (pending === 0) return;
    if (Date.now() > deadline) throw new Error(`${pending} changes still not copied to ClickHouse`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
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
  await analyticsCaughtUp(fixture.program.id);
  return { user, ...fixture };
}

/** A member of a program holding the Actions tab fixture (known actions, partners and times). */
export async function seedTabMember(role: "owner" | "manager" | "viewer" = "viewer") {
  const db = await e2eDatabase();
  const fixture = await db.withRunner((runner) => seedTabProgram(db.prisma, runner));
  const user = await createUser(db.prisma);
  await addMember(db.prisma, fixture.program.id, user.id, role);
  await analyticsCaughtUp(fixture.program.id);
  return { user, ...fixture };
}

/** Another member of an existing program. */
export async function seedProgramMember(
  programId: number,
  role: "owner" | "manager" | "viewer" = "viewer",
) {
  const { prisma } = await e2eDatabase();
  const user = await createUser(prisma);
  await addMember(prisma, programId, user.id, role);
  return user;
}
