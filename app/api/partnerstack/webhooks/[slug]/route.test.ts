// Issue 14: PartnerStack's webhooks keep partnerships and customers in step. Fixtures are built from
// PartnerStack's published sample payload (DOMAIN.md: `archived` as the string "false", the group
// as id/name/slug) and its newer spelling (`partnership.tags_updated`, the object under `data`).
import { afterAll, beforeAll, describe, expect, inject, it, vi } from "vitest";
import * as customersRoute from "@/app/api/v2/customers/route";
import * as webhookRoute from "./route";
import { seal } from "@/lib/security/sealed-secret";
import { seedApiProgram } from "@/lib/testing/api-fixture";
import { callRoute } from "@/lib/testing/call-route";
import { tabNumbers, type NamedFilters } from "@/lib/testing/tab-by-names";
import {
  analyticsCases,
  openTestAnalytics,
  type TestAnalytics,
} from "@/lib/testing/test-analytics";
import { createTestDatabase, type TestDatabase } from "@/lib/testing/test-database";

const ENCRYPTION_KEY = "webhook-test-encryption-key-0123456789";
const SECRET = "whsec_test_partnerstack_0123456789";
const NOW = Date.UTC(2026, 10, 21);

/** PartnerStack's sample partnership payload, as published. */
const SAMPLE_PARTNERSHIP = {
  id: 123,
  partner_key: "JohnSmith",
  first_name: "John",
  last_name: "Smith",
  email: "john.smith@partners.test",
  group: { id: 22, name: "Top Sellers", slug: "topsellers" },
  event: "partnership_created",
  archived: "false",
};

describe.each(analyticsCases(inject("engines")))(
  "PartnerStack webhooks on $db, counted by $analytics",
  ({ db: engine, analytics: kind }) => {
    let db: TestDatabase;
    let analytics: TestAnalytics;
    let fixture: Awaited<ReturnType<typeof seedApiProgram>>;
    let slug: string;
    const aliceActions = 3;

    beforeAll(async () => {
      vi.stubEnv("ACTIONBOARD_ENCRYPTION_KEY", ENCRYPTION_KEY);
      db = await createTestDatabase(engine);
      analytics = await openTestAnalytics(kind, db);
      fixture = await seedApiProgram(db.prisma);
      slug = fixture.program.slug;
      const programId = fixture.program.id;
      await db.prisma.partnerStackConnection.create({
        data: {
          programId,
          baseUrl: "https://api.partnerstack.com/api/v2",
          publicKey: "pk_ps",
          secretKeySealed: seal("sk_ps"),
          webhookSecretSealed: seal(SECRET),
        },
      });
      const type = await db.prisma.actionType.findFirstOrThrow({ where: { programId } });
      for (const [i, partnership] of [
        ...Array(aliceActions).fill(fixture.partnerships.alice),
        fixture.partnerships.bob,
      ].entries()) {
        await db.prisma.action.create({
          data: {
            programId,
            key: `act_${i}`,
            actionTypeId: type.id,
            targetType: "partnership",
            partnershipId: partnership.id,
            occurredAt: new Date(NOW - 86_400_000 * (i + 1)),
          },
        });
      }
    });
    afterAll(async () => {
      vi.unstubAllEnvs();
      await analytics?.close();
      await db?.close();
    });

    const deliver = (body: unknown, secret: string | null = SECRET, headers = {}) =>
      callRoute(
        webhookRoute.POST.on(db),
        "POST",
        `/api/partnerstack/webhooks/${slug}${secret === null ? "" : `?secret=${secret}`}`,
        { body, params: { slug }, headers },
      );
    const occurrences = async (filters: NamedFilters) => {
      await analytics.sync();
      const tab = await tabNumbers(
        { db, analytics: { engine: analytics.engine, worker: null } },
        fixture.program,
        filters,
        NOW,
      );
      return tab.summary.current.occurrences;
    };
    const stored = async () => ({
      partnerships: await db.prisma.partnership.findMany({
        where: { programId: fixture.program.id },
        include: { tags: true },
        orderBy: { id: "asc" },
      }),
      customers: await db.prisma.customer.findMany({
        where: { programId: fixture.program.id },
        orderBy: { id: "asc" },
      }),
      groups: await db.prisma.group.count({ where: { programId: fixture.program.id } }),
      log: await db.prisma.ingestLog.count({ where: { programId: fixture.program.id } }),
    });

    it("creates the sample partnership once, however often it arrives, and logs each delivery", async () => {
      const first = await deliver(SAMPLE_PARTNERSHIP);
      expect(first.status).toBe(200);
      expect(first.json.data).toMatchObject({ key: "JohnSmith", outcome: "created" });
      const again = await deliver(SAMPLE_PARTNERSHIP);
      expect(again.json.data).toMatchObject({ key: "JohnSmith", outcome: "unchanged" });
      const john = await db.prisma.partnership.findMany({
        where: { programId: fixture.program.id, partnerKey: "JohnSmith" },
        include: { group: true },
      });
      expect(john).toHaveLength(1);
      expect(john[0]).toMatchObject({ firstName: "John", archivedAt: null });
      expect(john[0].group).toMatchObject({ name: "Top Sellers", slug: "topsellers" });
      const log = await db.prisma.ingestLog.findMany({
        where: { programId: fixture.program.id },
        orderBy: { id: "asc" },
      });
      expect(log.map((l) => [l.status, l.path])).toEqual([
        [200, `/api/partnerstack/webhooks/${slug}`],
        [200, `/api/partnerstack/webhooks/${slug}`],
      ]);
      expect(log[0].message).toContain("partnership_created JohnSmith: created");
    });

    it("moves a partnership to another group: the group filter follows", async () => {
      expect(await occurrences({ groups: ["Affiliates"] })).toBe(aliceActions);
      expect(await occurrences({ groups: ["Top Sellers"] })).toBe(0);
      const moved = await deliver({
        ...SAMPLE_PARTNERSHIP,
        partner_key: "ptn_alice",
        first_name: "Pat",
        last_name: "ptn_alice",
        email: "ptn_alice@partners.test",
        event: "partnership_group_updated",
      });
      expect(moved.json.data).toMatchObject({ outcome: "updated" });
      expect(await occurrences({ groups: ["Top Sellers"] })).toBe(aliceActions);
      expect(await occurrences({ groups: ["Affiliates"] })).toBe(0);
      expect(await occurrences({})).toBe(aliceActions + 1);
    });

    it("changes tags (newer spelling, object under data): the tag filter follows", async () => {
      const tagged = await deliver({
        event: "partnership.tags_updated",
        data: { key: "ptn_alice", tags: [{ name: "vip" }, "emea"] },
      });
      expect(tagged.json.data).toMatchObject({ outcome: "updated" });
      expect(await occurrences({ tags: ["vip"] })).toBe(aliceActions);
      expect(await occurrences({ tags: ["emea"], tag_op: "none_of" })).toBe(1);
      await deliver({
        event: "partnership.tags_updated",
        data: { key: "ptn_alice", tags: ["emea"] },
      });
      expect(await occurrences({ tags: ["vip"] })).toBe(0);
      expect(await occurrences({ tags: ["emea"] })).toBe(aliceActions);
      // Tags-only payload: the rest of the partnership is kept.
      const alice = await db.prisma.partnership.findFirstOrThrow({
        where: { programId: fixture.program.id, partnerKey: "ptn_alice" },
        include: { group: true },
      });
      expect(alice).toMatchObject({ email: "ptn_alice@partners.test", archivedAt: null });
      expect(alice.group.name).toBe("Top Sellers");
    });

    it("archives a customer (customer_deleted): the customers list no longer shows it", async () => {
      const archived = await deliver({
        event: "customer_deleted",
        key: "cus_1",
        customer_key: "cus_1",
        email: "cus_1@customers.test",
        name: "cus_1",
        partner_key: "ptn_alice",
        created_at: NOW - 10 * 86_400_000,
        updated_at: NOW,
      });
      expect(archived.json.data).toMatchObject({ key: "cus_1", outcome: "updated" });
      const listed = await callRoute(customersRoute.GET.on(db), "GET", "/api/v2/customers", {
        auth: fixture.basic,
      });
      expect(listed.json.data.items.map((c: { key: string }) => c.key)).toEqual(["cus_2"]);
      const all = await callRoute(
        customersRoute.GET.on(db),
        "GET",
        "/api/v2/customers?include_archived=true",
        { auth: fixture.basic },
      );
      expect(all.json.data.items.find((c: { key: string }) => c.key === "cus_1")).toMatchObject({
        archived: true,
      });
      const repeated = await deliver({ event: "customer_deleted", customer_key: "cus_1" });
      expect(repeated.json.data).toMatchObject({ outcome: "unchanged" });
    });

    it("archives a partnership (partnership_deleted): the archived filter follows", async () => {
      expect(await occurrences({ archived: "yes" })).toBe(0);
      await deliver({
        ...SAMPLE_PARTNERSHIP,
        partner_key: "ptn_alice",
        event: "partnership_deleted",
      });
      expect(await occurrences({ archived: "yes" })).toBe(aliceActions);
      expect(await occurrences({ archived: "no" })).toBe(1);
    });

    it("refuses a wrong or missing secret with 401 and stores nothing, not even a log entry", async () => {
      const before = await stored();
      const change = {
        ...SAMPLE_PARTNERSHIP,
        partner_key: "Intruder",
        event: "partnership_created",
      };
      for (const secret of [null, "wrong", SECRET.slice(0, -1), ""]) {
        const answer = await deliver(change, secret);
        expect(answer.status, String(secret)).toBe(401);
        expect(answer.json.message).toMatch(/secret is missing or wrong/);
      }
      const otherProgram = await callRoute(
        webhookRoute.POST.on(db),
        "POST",
        `/api/partnerstack/webhooks/no-such-program?secret=${SECRET}`,
        { body: change, params: { slug: "no-such-program" } },
      );
      expect(otherProgram.status).toBe(401);
      expect(await stored()).toEqual(before);
      // The header works as well as the query parameter.
      const byHeader = await deliver(
        { ...SAMPLE_PARTNERSHIP, event: "partnership_updated" },
        null,
        { "x-webhook-secret": SECRET },
      );
      expect(byHeader.status).toBe(200);
    });

    it("names the field of a payload it cannot apply, stores nothing, and logs the refusal", async () => {
      const before = await stored();
      const cases: [unknown, number, string][] = [
        [{ partner_key: "x" }, 422, "event"],
        [{ event: "partnership_updated", first_name: "No key" }, 422, "partner_key"],
        [
          { event: "customer_created", customer_key: "cus_new", partner_key: "ptn_nobody" },
          422,
          "partner_key",
        ],
        [
          { event: "customer_created", data: { customer_key: "cus_new" } },
          422,
          "data.partnership_key",
        ],
        [
          { event: "partnership_updated", partner_key: "ptn_bob", archived: "maybe" },
          422,
          "archived",
        ],
        // The API's own field rules (an outside probe's payloads, each once a 500 or stored as is).
        [
          { event: "partnership_updated", partner_key: "ptn_bob", first_name: "a\u0000b" },
          422,
          "first_name",
        ],
        [{ event: "customer_updated", customer_key: "cus\u0000x" }, 422, "customer_key"],
        [
          { event: "customer_updated", customer_key: "cus_1", meta: { a: "x\u0000" } },
          422,
          "meta.a",
        ],
        [
          { event: "customer_updated", customer_key: "cus_1", meta: { a: "\ud800" } },
          422,
          "meta.a",
        ],
        [{ event: "partnership_created", partner_key: "k".repeat(3000) }, 422, "partner_key"],
        [{ event: "partnership_created", partner_key: "k".repeat(10_000) }, 422, "partner_key"],
        [
          { event: "partnership_updated", partner_key: "ptn_bob", email: "not an email" },
          422,
          "email",
        ],
      ];
      for (const [body, status, field] of cases) {
        const answer = await deliver(body);
        expect(answer.status, JSON.stringify(body)).toBe(status);
        expect(answer.json.errors?.[0]?.field, JSON.stringify(body)).toBe(field);
      }
      const notJson = await callRoute(
        webhookRoute.POST.on(db),
        "POST",
        `/api/partnerstack/webhooks/${slug}?secret=${SECRET}`,
        {
          rawBody: "event=partnership_created",
          contentType: "application/x-www-form-urlencoded",
          params: { slug },
        },
      );
      expect(notJson.status).toBe(415);
      const after = await stored();
      expect({ ...after, log: 0 }).toEqual({ ...before, log: 0 });
      expect(after.log).toBe(before.log + cases.length + 1);
      const ignored = await deliver({ event: "agreement.accepted", data: { key: "agr_1" } });
      expect(ignored.status).toBe(200);
      expect(ignored.json.data).toMatchObject({ outcome: "ignored" });
    });

    it("ignores an event older than the newest applied (a replay), and says so", async () => {
      const event = (first_name: string, updated_at: number) => ({
        event: "partnership_updated",
        partner_key: "ptn_carol_replay",
        first_name,
        last_name: "Replay",
        email: "carol.replay@partners.test",
        group: { slug: "topsellers", name: "Top Sellers" },
        updated_at,
      });
      await deliver({ ...event("Carol", NOW - 3000), event: "partnership_created" });
      expect((await deliver(event("Caroline", NOW - 1000))).json.data).toMatchObject({
        outcome: "updated",
      });
      const replay = await deliver(event("Carol", NOW - 2000));
      expect(replay.status).toBe(200);
      expect(replay.json.data).toMatchObject({ outcome: "stale" });
      const deleteReplay = await deliver({
        event: "partnership_deleted",
        partner_key: "ptn_carol_replay",
        updated_at: NOW - 1500,
      });
      expect(deleteReplay.json.data).toMatchObject({ outcome: "stale" });
      const carol = await db.prisma.partnership.findFirstOrThrow({
        where: { programId: fixture.program.id, partnerKey: "ptn_carol_replay" },
      });
      expect([carol.firstName, carol.archivedAt]).toEqual(["Caroline", null]);
      // Newer still applies, and an event without a time cannot be ordered, so it applies.
      await deliver(event("Caro", NOW));
      await deliver({ ...event("Untimed", 0), updated_at: undefined });
      const latest = await db.prisma.partnership.findFirstOrThrow({
        where: { programId: fixture.program.id, partnerKey: "ptn_carol_replay" },
      });
      expect(latest.firstName).toBe("Untimed");
    });
  },
);
