// Two Actionboards for the PartnerStack import tests: a source seeded with the demo data and
// serving its v2 list API over real HTTP, and targets (fresh databases) with a program shaped like
// the source's (same time zone, currency, and the members who manage partners, by email).
import { generateApiKeyPair, hashSecret } from "@/lib/api-keys/api-key-secrets";
import type { PrismaClient } from "@/lib/generated/prisma/client";
import { partnerStackClient } from "@/lib/partnerstack/partnerstack-client";
import { ACME } from "@/lib/seed/demo-programs";
import { seedDemo } from "@/lib/seed/seed-demo";
import { startApiHttpServer, type ApiHttpServer } from "./api-http-server";
import type { Engine } from "@/lib/testing/engines";
import { addMember, createProgram, createUser } from "@/lib/testing/factories";
import type { NamedFilters } from "@/lib/testing/tab-by-names";
import { createTestDatabase, type TestDatabase } from "@/lib/testing/test-database";

/** Another Actionboard with the demo data (every demo program) and its API on a local port. */
export interface DemoServer {
  db: TestDatabase;
  server: ApiHttpServer;
  close(): Promise<void>;
}

/** One program of a demo server, and a key of its own to read it with. */
export interface DemoSource {
  db: TestDatabase;
  server: ApiHttpServer;
  program: { id: number; slug: string; timezone: string; currency: string };
  keys: { publicKey: string; secretKey: string };
}

export async function startDemoServer(engine: Engine): Promise<DemoServer> {
  const db = await createTestDatabase(engine);
  await db.withRunner((runner) => seedDemo(runner, Date.UTC(2026, 10, 20, 12)));
  const server = await startApiHttpServer(db);
  return {
    db,
    server,
    close: async () => {
      await server.close();
      await db.close();
    },
  };
}

/** The program `slug` of a demo server, with a new API key (programs may share one server). */
export async function demoProgramSource(
  { db, server }: DemoServer,
  slug: string,
): Promise<DemoSource> {
  const program = await db.prisma.program.findUniqueOrThrow({
    where: { slug },
    select: { id: true, slug: true, timezone: true, currency: true },
  });
  const pair = generateApiKeyPair("live");
  await db.prisma.apiKey.create({
    data: {
      programId: program.id,
      label: "export",
      publicKey: pair.publicKey,
      secretHash: hashSecret(pair.secret),
    },
  });
  return { db, server, program, keys: { publicKey: pair.publicKey, secretKey: pair.secret } };
}

/** A demo server of its own and one program's source on it. */
export async function startDemoSource(
  engine: Engine,
  slug = ACME.slug,
): Promise<DemoSource & { close(): Promise<void> }> {
  const demo = await startDemoServer(engine);
  return { ...(await demoProgramSource(demo, slug)), close: demo.close };
}

/** A program to import into, with the source's partner managers as members (same emails). */
export async function createImportTarget(prisma: PrismaClient, source: DemoSource) {
  const program = await createProgram(prisma, {
    timezone: source.program.timezone,
    currency: source.program.currency,
  });
  const managers = await source.db.prisma.user.findMany({
    where: { memberships: { some: { programId: source.program.id } } },
  });
  for (const manager of managers) {
    const user =
      (await prisma.user.findUnique({ where: { email: manager.email } })) ??
      (await createUser(prisma, { email: manager.email, name: manager.name }));
    await addMember(prisma, program.id, user.id, "manager");
  }
  return program;
}

/** A client of the source that sleeps through a recorder (429 waits are recorded, not slept). */
export function sourceClient(source: DemoSource, waits: number[] = []) {
  return partnerStackClient(source.server.baseUrl, source.keys, {
    allowPrivate: true, // the source is this test's own server on 127.0.0.1
    sleep: async (ms) => void waits.push(ms),
  });
}

/** Ten views of ACME's tab: any time, then each filter on its own. */
export const ACME_TAB_FILTERS: NamedFilters[] = [
  { timescale: "month" },
  { groups: ["Resellers"] },
  { groups: ["Affiliates", "Agencies"], group_op: "exclude" },
  { managers: ["maya@acme.test", "tom@acme.test"] },
  { name: "an" },
  { email: "1@partners" },
  { tags: ["vip", "emea"] },
  { tags: ["vip"], tag_op: "none_of" },
  { marketplace: "yes" },
  { archived: "yes" },
];
