import { Webhook } from "standardwebhooks";
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
import { GET as downloadLink } from "@/app/deliveries/[token]/route";
import { buildExport } from "@/lib/exports/build-export";
import { exportResponse } from "@/lib/exports/export-response";
import {
  deliveryContext,
  scheduleOf,
  seedDeliveryProgram,
  TEST_SECRET,
} from "@/lib/testing/delivery-fixture";
import { startHttpsReceiver, type HttpsReceiver } from "@/lib/testing/https-receiver";
import { postgresTabSources } from "@/lib/testing/test-analytics";
import { createTestDatabase, type TestDatabase } from "@/lib/testing/test-database";
import { deliveryFileResponse } from "@/lib/deliveries/delivery-file-response";
import { deriveDeliverySecret } from "@/lib/deliveries/delivery-secret";
import { unseal } from "@/lib/security/sealed-secret";
import { runDeliveries } from "@/lib/deliveries/run-deliveries";

const fetchLink = (db: TestDatabase, url: string) => {
  const token = new URL(url).pathname.split("/")[2];
  return downloadLink.on(db)(new Request(url), { params: Promise.resolve({ token }) });
};

describe.each(inject("engines"))("scheduled deliveries by webhook, on %s", (engine) => {
  let db: TestDatabase;
  let receiver: HttpsReceiver;
  beforeAll(async () => {
    vi.stubEnv("NEXTAUTH_SECRET", TEST_SECRET);
    vi.stubEnv("ACTIONBOARD_ENCRYPTION_KEY", "deliveries-test-encryption-key");
    receiver = await startHttpsReceiver();
  });
  beforeEach(async () => {
    db = await createTestDatabase(engine);
  });
  afterEach(() => db.close());
  afterAll(async () => {
    vi.unstubAllEnvs();
    await receiver.close();
  });

  it("posts a Standard Webhooks-signed message whose short-lived link serves the file", async () => {
    const world = await seedDeliveryProgram(db);
    // Real time: receivers check the signed timestamp against their clock.
    const now = Date.now();
    const schedule = await scheduleOf(
      db,
      world,
      {
        channel: "webhook",
        recipients: [],
        webhookUrl: receiver.url,
        file: "tab.zip",
        frequency: "daily",
      },
      now - 2 * 86_400_000,
    );
    const stored = await db.prisma.deliverySchedule.findFirstOrThrow({
      where: { programId: world.program.id },
    });
    // Stored sealed, like PartnerStack's secrets: the signing secret is not in the row.
    expect(stored.webhookSecret).toMatch(/^v1\./);
    const secret = unseal(stored.webhookSecret!);
    expect(secret).toMatch(/^whsec_[A-Za-z0-9+/]{43}=$/);
    const ctx = deliveryContext(db, null, { webhookCa: receiver.ca, linkTtlMs: 15 * 60_000 });
    const sendAt = Math.max(now, schedule.nextRunAt.getTime() + 1000);
    const before = receiver.requests.length;
    expect(await runDeliveries(ctx, () => new Date(sendAt))).toMatchObject({ sent: 1 });
    expect(receiver.requests.length).toBe(before + 1);
    const { headers, body } = receiver.requests.at(-1)!;

    // Verified by the Standard Webhooks reference library, not by our own signing code.
    const payload = new Webhook(secret).verify(body, headers) as {
      type: string;
      data: {
        delivery_id: number;
        file: { name: string; size: number; url: string; expires_at: string };
      };
    };
    expect(payload.type).toBe("delivery.ready");
    expect(() => new Webhook(secret).verify(`${body} `, headers)).toThrow();
    const other = `whsec_${Buffer.alloc(32, 7).toString("base64")}`;
    expect(() => new Webhook(other).verify(body, headers)).toThrow();

    const file = payload.data.file;
    expect(Date.parse(file.expires_at)).toBe(sendAt + 15 * 60_000);
    const answer = await fetchLink(db, file.url);
    expect(answer.status).toBe(200);
    expect(answer.headers.get("content-type")).toBe("application/zip");
    const bytes = Buffer.from(await answer.arrayBuffer());
    expect(bytes.length).toBe(file.size);
    // The same bytes as the ⋮ menu's download of the view at the sending instant.
    const query = new URLSearchParams(world.view.query);
    const expected = await exportResponse(
      () => buildExport(postgresTabSources(db), world.program, "tab.zip", query, sendAt),
      { href: "/" },
    );
    const { unzipSync, strFromU8 } = await import("fflate");
    const entries = (b: Uint8Array) =>
      Object.fromEntries(Object.entries(unzipSync(b)).map(([k, v]) => [k, strFromU8(v)]));
    expect(entries(bytes)).toEqual(entries(new Uint8Array(await expected.arrayBuffer())));

    // The link expires; a forged or altered one names nothing.
    const token = new URL(file.url).pathname.split("/")[2];
    const key = deriveDeliverySecret(TEST_SECRET);
    expect((await deliveryFileResponse(db.prisma, token, key, sendAt)).status).toBe(200);
    const late = await deliveryFileResponse(db.prisma, token, key, Date.parse(file.expires_at));
    expect(late.status).toBe(410);
    expect(await late.text()).toMatch(/expired/);
    // Checked with the server secret itself (not the key derived from it), or another: refused.
    for (const secret of [TEST_SECRET, "another-secret"]) {
      expect((await deliveryFileResponse(db.prisma, token, secret, sendAt)).status).toBe(404);
    }
    const [body64] = token.split(".");
    const forged = Buffer.from(
      JSON.stringify({
        ...JSON.parse(Buffer.from(body64, "base64url").toString()),
        e: sendAt + 9e9,
      }),
    ).toString("base64url");
    expect((await fetchLink(db, file.url.replace(body64, forged))).status).toBe(404);
  });

  it("retries a failed webhook with the same webhook-id, and its link stops working once expired", async () => {
    const world = await seedDeliveryProgram(db, 2);
    // Two minutes ago, so the retry a minute later is still in the past for the real route.
    const now = Date.now() - 120_000;
    await scheduleOf(
      db,
      world,
      {
        channel: "webhook",
        recipients: [],
        webhookUrl: receiver.url,
        file: "table.csv",
        frequency: "daily",
      },
      now - 2 * 86_400_000,
    );
    const ctx = deliveryContext(db, null, {
      webhookCa: receiver.ca,
      linkTtlMs: 1,
      retryDelaysMs: [60_000],
    });
    receiver.answerNext(1, 500);
    const before = receiver.requests.length;
    await runDeliveries(ctx, () => new Date(now));
    const [failed] = await db.prisma.delivery.findMany({ where: { programId: world.program.id } });
    expect(failed).toMatchObject({
      status: "retrying",
      attempts: 1,
      error: "The webhook answered 500.",
    });
    await runDeliveries(ctx, () => new Date(now + 61_000));
    const [sent] = await db.prisma.delivery.findMany({ where: { programId: world.program.id } });
    expect(sent).toMatchObject({ status: "sent", attempts: 2, error: null });
    const [first, second] = receiver.requests.slice(before);
    expect(second.headers["webhook-id"]).toBe(first.headers["webhook-id"]);
    expect(second.headers["webhook-timestamp"]).not.toBe(first.headers["webhook-timestamp"]);
    // A link that lived 1 ms is gone by the time anyone follows it.
    const link = (JSON.parse(second.body) as { data: { file: { url: string } } }).data.file.url;
    expect((await fetchLink(db, link)).status).toBe(410);
  });

  it("seals a secret kept in the clear by an older version, and still signs with it", async () => {
    const world = await seedDeliveryProgram(db);
    const now = Date.now();
    await scheduleOf(
      db,
      world,
      {
        channel: "webhook",
        recipients: [],
        webhookUrl: receiver.url,
        file: "table.csv",
        frequency: "daily",
      },
      now - 2 * 86_400_000,
    );
    const clear = `whsec_${Buffer.alloc(32, 9).toString("base64")}`;
    await db.prisma.deliverySchedule.updateMany({
      where: { programId: world.program.id },
      data: { webhookSecret: clear },
    });
    const before = receiver.requests.length;
    await runDeliveries(deliveryContext(db, null, { webhookCa: receiver.ca }), () => new Date(now));
    const stored = await db.prisma.deliverySchedule.findFirstOrThrow({
      where: { programId: world.program.id },
    });
    expect(stored.webhookSecret).toMatch(/^v1\./);
    expect(unseal(stored.webhookSecret!)).toBe(clear);
    const { headers, body } = receiver.requests[before];
    expect(() => new Webhook(clear).verify(body, headers)).not.toThrow();
  });
});
