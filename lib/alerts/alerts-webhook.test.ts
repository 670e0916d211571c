// An alert to a webhook: the message is signed as deliveries' are (Standard Webhooks), verified
// by the reference library, and carries the number, its expected range, the chart and what moved.
import { Webhook } from "standardwebhooks";
import { afterAll, beforeAll, describe, expect, inject, it, vi } from "vitest";
import { runDeliveries } from "../deliveries/run-deliveries";
import { unseal } from "../security/sealed-secret";
import { seedApiProgram } from "../testing/api-fixture";
import { deliveryContext } from "../testing/delivery-fixture";
import { createMember } from "../testing/factories";
import { startHttpsReceiver, type HttpsReceiver } from "../testing/https-receiver";
import { createTestDatabase } from "../testing/test-database";
import { checkedPeriod, nextCheckAfter } from "./alert-periods";
import { createAlert } from "./create-alert";

describe.each(inject("engines"))("an alert to a webhook, on %s", (engine) => {
  let receiver: HttpsReceiver;
  beforeAll(async () => {
    vi.stubEnv("ACTIONBOARD_ENCRYPTION_KEY", "alerts-test-encryption-key");
    // The test receiver listens on 127.0.0.1.
    vi.stubEnv("DELIVERY_WEBHOOK_PRIVATE", "allow");
    receiver = await startHttpsReceiver();
  });
  afterAll(async () => {
    vi.unstubAllEnvs();
    await receiver.close();
  });

  it("posts a signed alert.fired message; a tampered body or another secret fails verification", async () => {
    const db = await createTestDatabase(engine);
    try {
      const f = await seedApiProgram(db.prisma);
      const programId = f.program.id;
      const owner = await createMember(db.prisma, programId, "owner");
      const tz = f.program.timezone;
      // Real time: receivers check the signed timestamp against their clock.
      const now = Date.now();
      const lastMidnight = nextCheckAfter("daily", now - 86_400_000, tz);
      const day = checkedPeriod("daily", lastMidnight, tz);
      const type = await db.prisma.actionType.findFirstOrThrow({ where: { programId } });
      await db.prisma.action.createMany({
        data: [1, 2, 3].map((i) => ({
          programId,
          key: `w-${i}`,
          actionTypeId: type.id,
          targetType: "partnership" as const,
          partnershipId: f.partnerships.bob.id,
          occurredAt: new Date(day.start + i * 3_600_000),
        })),
      });
      const view = await db.prisma.savedView.create({
        data: { programId, userId: owner.id, name: "Everything", query: "" },
      });
      const made = await createAlert(
        db.prisma,
        f.program,
        { role: "owner", user: owner },
        {
          savedViewId: view.id,
          metric: "occurrences",
          actionTypeId: undefined,
          per: "view",
          condition: "above",
          threshold: 2,
          sensitivity: undefined,
          frequency: "daily",
          channel: "webhook",
          recipients: [],
          webhookUrl: receiver.url,
        },
        lastMidnight - 60_000,
      );
      if (!made.ok) throw new Error(made.message);
      const stored = await db.prisma.alert.findUniqueOrThrow({
        where: { programId_id: { programId, id: made.id } },
      });
      // Sealed, like schedules' secrets.
      expect(stored.webhookSecret).toMatch(/^v1\./);
      const secret = unseal(stored.webhookSecret!);

      const sent = receiver.requests.length;
      const ctx = deliveryContext(db, null, { webhookCa: receiver.ca });
      expect(await runDeliveries(ctx, () => new Date(now))).toMatchObject({ sent: 1 });
      expect(receiver.requests.length).toBe(sent + 1);
      const { headers, body } = receiver.requests.at(-1)!;
      const payload = new Webhook(secret).verify(body, headers) as {
        type: string;
        data: Record<string, unknown> & {
          fired: { value: number; expected: { high: number }; what_moved: { movers: unknown[] } }[];
        };
      };
      expect(() =>
        new Webhook(secret).verify(body.replace('"value":3', '"value":2'), headers),
      ).toThrow();
      const other = `whsec_${Buffer.alloc(32, 7).toString("base64")}`;
      expect(() => new Webhook(other).verify(body, headers)).toThrow();
      expect(payload.type).toBe("alert.fired");
      expect(payload.data).toMatchObject({
        program: f.program.slug,
        alert_id: made.id,
        view: "Everything",
        rule: "above 2",
        chart_url: expect.stringContaining(`/p/${f.program.slug}/actions?`),
      });
      expect(payload.data.fired).toMatchObject([{ value: 3, expected: { high: 2, low: null } }]);
      // Nothing the week before: Bob, his group and the type are the whole change.
      expect(payload.data.fired[0].what_moved.movers).toContainEqual(
        expect.objectContaining({
          dimension: "Partner group",
          label: "Resellers",
          change: 3,
          share: 1,
        }),
      );
    } finally {
      await db.close();
    }
  });
});
