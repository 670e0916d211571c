// The PartnerStack settings page's server actions: owners only, keys checked against a real
// source (another Actionboard over HTTP) before anything is saved, the secret sealed at rest,
// refused without ACTIONBOARD_ENCRYPTION_KEY; an import asked for here is run by the worker pass.
import {
  afterAll,
  afterEach,
  beforeAll,
  beforeEach,
  describe,
  expect,
  inject,
  it,
  vi,
} from "vitest";
import { DISCONNECTED } from "@/lib/partnerstack/connection";
import { partnerStackClient } from "@/lib/partnerstack/partnerstack-client";
import { runPartnerStackPass } from "@/lib/partnerstack/partnerstack-worker";
import { ImportStoppedError, runImport, startOrResumeImport } from "@/lib/partnerstack/run-import";
import { seedApiProgram } from "@/lib/testing/api-fixture";
import { auditEntries } from "@/lib/testing/audit-entries";
import { startApiHttpServer, type ApiHttpServer } from "@/app/api/v2/tests/api-http-server";
import { createMember, createProgram } from "@/lib/testing/factories";
import { formData, signedIn } from "@/lib/testing/signed-in";
import { createTestDatabase, type TestDatabase } from "@/lib/testing/test-database";
import { connectAction, removeConnectionAction, importAction, type ConnectState } from "./actions";

const idle: ConnectState = { status: "idle" };
const KEY = "actions-test-encryption-key-0123456789";

describe.each(inject("engines"))("PartnerStack settings actions, on %s", (engine) => {
  let db: TestDatabase;
  let server: ApiHttpServer;
  let source: Awaited<ReturnType<typeof seedApiProgram>>;
  beforeAll(async () => {
    db = await createTestDatabase(engine);
    source = await seedApiProgram(db.prisma);
    server = await startApiHttpServer(db);
  });
  // The source is this test's own HTTP server on 127.0.0.1: a private address.
  beforeEach(() => vi.stubEnv("PARTNERSTACK_PRIVATE", "allow"));
  afterEach(() => vi.unstubAllEnvs());
  afterAll(async () => {
    await server.close();
    await db.close();
  });

  async function world() {
    const program = await createProgram(db.prisma, { currency: "USD" });
    const owner = await createMember(db.prisma, program.id, "owner");
    const manager = await createMember(db.prisma, program.id, "manager");
    return { program, owner, manager };
  }
  const connect = (slug: string, fields: Record<string, string>) =>
    connectAction.on(db)(slug, idle, formData(fields));
  const goodKeys = () => ({
    baseUrl: server.baseUrl,
    publicKey: source.apiKey.publicKey,
    secretKey: source.apiKey.secret,
  });

  it("refuses to store keys without ACTIONBOARD_ENCRYPTION_KEY, naming it", async () => {
    vi.stubEnv("ACTIONBOARD_ENCRYPTION_KEY", "");
    const w = await world();
    signedIn.user = w.owner;
    expect(await connect(w.program.slug, goodKeys())).toEqual({
      status: "error",
      message: expect.stringContaining("ACTIONBOARD_ENCRYPTION_KEY is not set"),
    });
    expect(
      await db.prisma.partnerStackConnection.count({ where: { programId: w.program.id } }),
    ).toBe(0);
  });

  it("refuses a source on a private address unless PARTNERSTACK_PRIVATE=allow", async () => {
    vi.stubEnv("ACTIONBOARD_ENCRYPTION_KEY", KEY);
    vi.stubEnv("PARTNERSTACK_PRIVATE", "");
    const w = await world();
    signedIn.user = w.owner;
    const asked = server.requests.length;
    for (const baseUrl of [
      server.baseUrl,
      "http://localhost:9/api/v2",
      "http://169.254.169.254/api/v2",
    ]) {
      expect(await connect(w.program.slug, { ...goodKeys(), baseUrl }), baseUrl).toEqual({
        status: "error",
        field: "baseUrl",
        message: expect.stringMatching(/is a private address/),
      });
    }
    // Refused before any request: the source (this test's server) was not asked.
    expect(server.requests.length).toBe(asked);
    expect(
      await db.prisma.partnerStackConnection.count({ where: { programId: w.program.id } }),
    ).toBe(0);
  });

  it("lets only owners connect, checks the keys first, and keeps the secret sealed", async () => {
    vi.stubEnv("ACTIONBOARD_ENCRYPTION_KEY", KEY);
    const w = await world();
    signedIn.user = w.manager;
    expect(await connect(w.program.slug, goodKeys())).toMatchObject({
      status: "error",
      message: expect.stringMatching(/Only program owners/),
    });
    signedIn.user = w.owner;
    expect(await connect(w.program.slug, { ...goodKeys(), secretKey: "sk_wrong" })).toEqual({
      status: "error",
      field: "secretKey",
      message: expect.stringMatching(/refused these keys \(401\)/),
    });
    expect(
      await connect(w.program.slug, { ...goodKeys(), baseUrl: "ftp://example.test" }),
    ).toMatchObject({
      status: "error",
      field: "baseUrl",
    });
    expect(await connect(w.program.slug, { ...goodKeys(), publicKey: " " })).toMatchObject({
      status: "error",
      field: "publicKey",
    });
    expect(
      await db.prisma.partnerStackConnection.count({ where: { programId: w.program.id } }),
    ).toBe(0);
    expect(await auditEntries(db.prisma, w.program.id)).toEqual([]);

    expect(await connect(w.program.slug, goodKeys())).toEqual({ status: "connected" });
    const row = await db.prisma.partnerStackConnection.findUniqueOrThrow({
      where: { programId: w.program.id },
    });
    expect(row).toMatchObject({ baseUrl: server.baseUrl, publicKey: source.apiKey.publicKey });
    expect(JSON.stringify(row)).not.toContain(source.apiKey.secret);
    // Another key cannot open it.
    vi.stubEnv("ACTIONBOARD_ENCRYPTION_KEY", "a-different-key-0123456789abcdef");
    expect(await importAction.on(db)(w.program.slug, formData({}))).toEqual({
      status: "error",
      message: expect.stringMatching(/differs from the key it was sealed with/),
    });
  });

  it("disconnecting stops an import under way at its next page", async () => {
    vi.stubEnv("ACTIONBOARD_ENCRYPTION_KEY", KEY);
    const w = await world();
    signedIn.user = w.owner;
    await connect(w.program.slug, goodKeys());
    const { importId } = await startOrResumeImport(db.prisma, w.program.id, {
      baseUrl: server.baseUrl,
      rerunRules: false,
      actor: w.owner,
    });
    const client = partnerStackClient(server.baseUrl, {
      publicKey: source.apiKey.publicKey,
      secretKey: source.apiKey.secret,
    });
    await expect(
      runImport(db.prisma, w.program.id, importId, client, {
        onProgress: async (step) => {
          if (step.resource === "groups" && step.done) {
            expect(await removeConnectionAction.on(db)(w.program.slug)).toMatchObject({
              status: "saved",
              message: expect.any(String),
            });
          }
        },
      }),
    ).rejects.toThrow(ImportStoppedError);
    expect(
      await db.prisma.partnerStackImport.findUniqueOrThrow({
        where: { programId_id: { programId: w.program.id, id: importId } },
      }),
    ).toMatchObject({ status: "failed", error: DISCONNECTED, lockedUntil: null });
    expect(await db.prisma.group.count({ where: { programId: w.program.id } })).toBe(2);
    expect(await db.prisma.partnership.count({ where: { programId: w.program.id } })).toBe(0);
  });

  it("queues an import the worker runs, with the rules run over history when asked", async () => {
    vi.stubEnv("ACTIONBOARD_ENCRYPTION_KEY", KEY);
    const w = await world();
    signedIn.user = w.owner;
    expect(await importAction.on(db)(w.program.slug, formData({}))).toEqual({
      status: "error",
      message: "Connect the program to PartnerStack first.",
    });
    await connect(w.program.slug, goodKeys());
    // The target has a rule the source's history never met: its rewards are marked "backfill".
    const type = await db.prisma.actionType.create({
      data: { programId: w.program.id, name: "signup_completed" },
    });
    await db.prisma.rewardRule.create({
      data: { programId: w.program.id, name: "Signup", actionTypeId: type.id, amountCents: 700 },
    });
    const sourceActions = [
      { key: "a1", type: "signup_completed" },
      { key: "a2", type: "demo_booked" },
    ];
    for (const a of sourceActions) {
      await db.prisma.action.create({
        data: {
          programId: source.program.id,
          key: a.key,
          actionTypeId: (
            await db.prisma.actionType.findFirstOrThrow({
              where: { programId: source.program.id, name: a.type },
            })
          ).id,
          targetType: "partnership",
          partnershipId: source.partnerships.alice.id,
          occurredAt: new Date("2026-10-01T12:00:00Z"),
        },
      });
    }
    expect(await importAction.on(db)(w.program.slug, formData({ rerunRules: "on" }))).toEqual({
      status: "saved",
      message: "Import started.",
    });
    await runPartnerStackPass(db, 60_000);
    const run = await db.prisma.partnerStackImport.findFirstOrThrow({
      where: { programId: w.program.id },
      include: { steps: true },
    });
    expect(run).toMatchObject({ status: "done", rerunRules: true });
    expect(run.steps.find((s) => s.resource === "reward rules")).toMatchObject({
      done: true,
      fetched: 2,
      stored: 1,
    });
    const rewards = await db.prisma.reward.findMany({
      where: { programId: w.program.id },
      include: { action: true },
    });
    expect(rewards.map((r) => [r.action.key, r.origin, r.amountCents])).toEqual([
      ["a1", "backfill", 700],
    ]);
    const imported = await db.prisma.action.findMany({
      where: { programId: w.program.id },
      orderBy: { key: "asc" },
    });
    expect(imported.map((a) => [a.key, a.rewardCents, a.occurredAt.toISOString()])).toEqual([
      ["a1", 700, "2026-10-01T12:00:00.000Z"],
      ["a2", 0, "2026-10-01T12:00:00.000Z"],
    ]);
    // A second import with the rules again makes no second reward.
    await importAction.on(db)(w.program.slug, formData({ rerunRules: "on" }));
    await runPartnerStackPass(db, 60_000);
    expect(await db.prisma.reward.count({ where: { programId: w.program.id } })).toBe(1);

    signedIn.user = w.manager;
    expect(await removeConnectionAction.on(db)(w.program.slug)).toEqual({
      status: "error",
      message: expect.stringMatching(/Only program owners/),
    });
    signedIn.user = w.owner;
    expect(await removeConnectionAction.on(db)(w.program.slug)).toMatchObject({
      status: "saved",
      message: expect.any(String),
    });
    expect(
      await db.prisma.partnerStackConnection.count({ where: { programId: w.program.id } }),
    ).toBe(0);
    expect(await db.prisma.action.count({ where: { programId: w.program.id } })).toBe(2);
    // Disconnected already: nothing to remove, nothing logged.
    await removeConnectionAction.on(db)(w.program.slug);

    // The audit log: the owner's four changes; the refusals (no connection, a manager) left none.
    const entries = await auditEntries(db.prisma, w.program.id);
    const [first, second] = await db.prisma.partnerStackImport.findMany({
      where: { programId: w.program.id },
      orderBy: { id: "asc" },
    });
    const base = server.baseUrl;
    expect(entries.map((e) => [e.kind, e.actorUserId, e.summary, e.details])).toEqual([
      ["partnerstack.connected", w.owner.id, `Connected PartnerStack (${base})`, { baseUrl: base }],
      [
        "partnerstack.import_started",
        w.owner.id,
        `Started PartnerStack import ${first.id} from ${base}`,
        { importId: first.id, resumed: false, baseUrl: base, rerunRules: true },
      ],
      [
        "partnerstack.import_started",
        w.owner.id,
        `Started PartnerStack import ${second.id} from ${base}`,
        { importId: second.id, resumed: false, baseUrl: base, rerunRules: true },
      ],
      [
        "partnerstack.disconnected",
        w.owner.id,
        `Disconnected PartnerStack (${base})`,
        { baseUrl: base, stoppedImports: 0 },
      ],
    ]);
    // Neither key is written into the log.
    const text = JSON.stringify(entries);
    expect(text).not.toContain(source.apiKey.secret);
    expect(text).not.toContain(source.apiKey.publicKey);
  });
});
