// The API driven the way a PartnerStack API client drives it: configured with a base URL that
// carries a path prefix (`…/api/v2`), HTTP Basic `public_key:secret_key`, `external_key` in the
// record-action body, `limit` with `starting_after` / `ending_before` paging, `min_created` /
// `max_created` filters and archiving by key. Every answer is read through the client's own
// declaration of PartnerStack's envelope and action (zod, in ./partnerstack-client.ts), never
// through the server's schemas; expected values come from the rows each test seeds.
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import type { OpenDatabase } from "@/lib/db/open";
import { seedApiProgram } from "@/lib/testing/api-fixture";
import { createTestDatabase, type TestDatabase } from "@/lib/testing/test-database";
import {
  deployment,
  partnerStackClient,
  psActionAnswer,
  psActionList,
  psError,
  type PsAction,
  type Query,
} from "./partnerstack-client";

const HISTORY = 640;
const T0 = Date.UTC(2026, 5, 1, 9);

/**
 * `HISTORY` past actions, stored directly: one second apart with every third pair sharing its
 * created_at (ties are broken by id), inserted newest first so ids do not follow created_at,
 * every fifth one partnership-based, a few archived. Returns what a client must read for each.
 */
async function seedHistory(db: OpenDatabase) {
  const f = await seedApiProgram(db.prisma);
  const programId = f.program.id;
  const [types, customers, partnerships] = await Promise.all([
    db.prisma.actionType.findMany({ where: { programId } }),
    db.prisma.customer.findMany({ where: { programId } }),
    db.prisma.partnership.findMany({ where: { programId } }),
  ]);
  const typeId = (name: string) => types.find((t) => t.name === name)!.id;
  const partnership = (key: string) => partnerships.find((p) => p.partnerKey === key)!;
  const customer = (key: string) => customers.find((c) => c.customerKey === key)!;
  const planned = Array.from({ length: HISTORY }, (_, i) => {
    const createdAt = T0 + Math.floor((i * 2) / 3) * 1000;
    const byPartner = i % 5 === 0;
    const customerKey = i % 2 ? "cus_1" : "cus_2";
    // A customer's action belongs to the partnership the customer is attributed to.
    const partnerKey = byPartner
      ? "ptn_bob"
      : partnerships.find((p) => p.id === customer(customerKey).partnershipId)!.partnerKey;
    const archived = i % 50 === 7;
    const expected: PsAction = {
      key: `hist_${String(i).padStart(4, "0")}`,
      type: i % 3 ? "signup_completed" : "demo_booked",
      value: 1 + (i % 7),
      archived,
      partnership_key: partnerKey,
      customer: byPartner
        ? null
        : {
            key: customerKey,
            email: customer(customerKey).email,
            name: customer(customerKey).name,
          },
      created_at: createdAt,
      updated_at: createdAt + (archived ? 60_000 : 0),
    };
    return expected;
  });
  const rows = await db.prisma.action.createManyAndReturn({
    data: [...planned].reverse().map((a) => ({
      programId,
      key: a.key,
      actionTypeId: typeId(a.type),
      value: a.value,
      targetType: a.customer ? ("customer" as const) : ("partnership" as const),
      partnershipId: partnership(a.partnership_key).id,
      customerId: a.customer ? customer(a.customer.key).id : null,
      occurredAt: new Date(a.created_at),
      createdAt: new Date(a.created_at),
      updatedAt: new Date(a.updated_at),
      archivedAt: a.archived ? new Date(a.updated_at) : null,
    })),
    select: { key: true, id: true },
  });
  const ids = new Map(rows.map((r) => [r.key, r.id]));
  // The list's order, worked out here: created_at descending, then id descending.
  const newestFirst = [...planned].sort(
    (a, b) => b.created_at - a.created_at || Number(ids.get(b.key)! - ids.get(a.key)!),
  );
  return { f, newestFirst };
}

const keysOf = (items: { key: string }[]) => items.map((i) => i.key);

describe.each(inject("engines"))("a PartnerStack API client on %s", (engine) => {
  let db: TestDatabase;
  beforeAll(async () => {
    db = await createTestDatabase(engine);
  });
  afterAll(() => db.close());

  const clientFor = (f: Awaited<ReturnType<typeof seedApiProgram>>, baseUrl: string) =>
    partnerStackClient(
      baseUrl,
      { publicKey: f.apiKey.publicKey, secretKey: f.apiKey.secret },
      deployment(db),
    );

  it(`pages forwards and back through ${HISTORY} actions with no gap or repeat`, async () => {
    const { f, newestFirst } = await seedHistory(db);
    const call = clientFor(f, "http://localhost/api/v2");
    const list = (query: Query) => call("GET", "actions", psActionList, { query });

    const forwards: PsAction[] = [];
    let pages = 0;
    for (let after: string | undefined; ; pages++) {
      const page = await list({ limit: 97, starting_after: after });
      expect(page.status).toBe(200);
      const { items, has_more, total } = page.body.data;
      expect(total).toBe(HISTORY);
      expect(items.length).toBe(Math.min(97, HISTORY - forwards.length));
      forwards.push(...items);
      expect(has_more).toBe(forwards.length < HISTORY);
      if (!has_more) break;
      after = items.at(-1)!.key;
    }
    expect(pages + 1).toBe(Math.ceil(HISTORY / 97));
    // Every field the client declares, as seeded, in the list's order.
    expect(forwards).toEqual(newestFirst);

    // Back from the oldest: each page ends right before the one the client holds.
    const backwards: PsAction[] = [];
    for (let before = newestFirst.at(-1)!.key; ;) {
      const page = await list({ limit: 97, ending_before: before });
      const { items, has_more } = page.body.data;
      backwards.unshift(...items);
      expect(has_more).toBe(backwards.length < HISTORY - 1);
      if (!has_more) break;
      before = items[0].key;
    }
    expect([...keysOf(backwards), newestFirst.at(-1)!.key]).toEqual(keysOf(newestFirst));
    expect(new Set(keysOf(backwards)).size).toBe(HISTORY - 1);

    // Oldest first, at the largest page size.
    const ascending: string[] = [];
    for (let after: string | undefined; ;) {
      const page = await list({ order_by: "created_at", limit: 250, starting_after: after });
      ascending.push(...keysOf(page.body.data.items));
      if (!page.body.data.has_more) break;
      after = ascending.at(-1);
    }
    expect(ascending).toEqual(keysOf(newestFirst).reverse());

    // The requests reached the API under the base URL's prefix, and were logged so.
    const logged = await db.prisma.ingestLog.findMany({ where: { programId: f.program.id } });
    expect(logged.length).toBeGreaterThan(0);
    for (const entry of logged) expect(entry.path).toMatch(/^\/api\/v2\/actions\?/);
  });

  it("filters by min_created and max_created, inclusive, and pages within the filter", async () => {
    const { f, newestFirst } = await seedHistory(db);
    // A trailing slash on the base URL changes nothing.
    const call = clientFor(f, "http://localhost/api/v2/");
    const oldestFirst = [...newestFirst].reverse();
    // Bounds on seeded times that two actions share, so inclusiveness is visible on both ends.
    const tied = (from: number) =>
      oldestFirst.find((a, i) => i >= from && oldestFirst[i + 1]?.created_at === a.created_at)!
        .created_at;
    const min = tied(150);
    const max = tied(400);
    const cases: [Query, PsAction[]][] = [
      [{ min_created: min }, newestFirst.filter((a) => a.created_at >= min)],
      [{ max_created: max }, newestFirst.filter((a) => a.created_at <= max)],
      [
        { min_created: min, max_created: max },
        newestFirst.filter((a) => a.created_at >= min && a.created_at <= max),
      ],
      [{ min_created: max + 1, max_created: max }, []],
    ];
    for (const [filter, expected] of cases) {
      const seen: PsAction[] = [];
      for (let after: string | undefined; ;) {
        const page = await call("GET", "/actions", psActionList, {
          query: { ...filter, limit: 40, starting_after: after },
        });
        expect(page.status, JSON.stringify(filter)).toBe(200);
        expect(page.body.data.total, JSON.stringify(filter)).toBe(expected.length);
        seen.push(...page.body.data.items);
        if (!page.body.data.has_more) break;
        after = seen.at(-1)!.key;
      }
      expect(seen, JSON.stringify(filter)).toEqual(expected);
    }
    const both = cases[2][1];
    expect(both.filter((a) => a.created_at === min)).toHaveLength(2);
    expect(both.filter((a) => a.created_at === max)).toHaveLength(2);

    const bad = await call("GET", "actions", psError, { query: { min_created: "yesterday" } });
    expect(bad.status).toBe(422);
    expect(bad.body.errors?.map((e) => e.field)).toEqual(["min_created"]);
  });

  it("records an action with external_key, archives it by key and reads it back archived", async () => {
    const f = await seedApiProgram(db.prisma);
    const call = clientFor(f, "http://localhost/api/v2");
    const customer = await db.prisma.customer.findFirstOrThrow({
      where: { programId: f.program.id, customerKey: "cus_1" },
      include: { partnership: true },
    });
    const body = {
      external_key: "ps:ext/0001",
      target_key: customer.customerKey,
      target_type: "customer",
      type: "signup_completed",
      value: 2,
    };
    const started = Date.now();
    const recorded = await call("POST", "actions", psActionAnswer, { body });
    expect(recorded.status).toBe(200);
    const action = recorded.body.data;
    expect(action).toEqual({
      key: body.external_key,
      type: body.type,
      value: body.value,
      archived: false,
      partnership_key: customer.partnership.partnerKey,
      customer: { key: customer.customerKey, email: customer.email, name: customer.name },
      created_at: action.created_at,
      updated_at: action.created_at,
    });
    expect(action.created_at).toBeGreaterThanOrEqual(started - 1000);
    expect(action.created_at).toBeLessThanOrEqual(Date.now() + 1000);
    const again = await call("POST", "actions", psActionAnswer, { body });
    expect(again.headers.get("idempotent-replayed")).toBe("true");
    expect(again.body.data).toEqual(action);

    const path = `actions/${encodeURIComponent(body.external_key)}`;
    const archived = await call("DELETE", path, psActionAnswer);
    expect(archived.status).toBe(200);
    expect(archived.body.data).toEqual({
      ...action,
      archived: true,
      updated_at: archived.body.data.updated_at,
    });
    expect(archived.body.data.updated_at).toBeGreaterThanOrEqual(action.updated_at);
    const rewards = await db.prisma.reward.findMany({ where: { programId: f.program.id } });
    expect(rewards.map((r) => [r.amountCents, r.archivedAt !== null])).toEqual([[500, true]]);

    const listed = await call("GET", "actions", psActionList, { query: { limit: 10 } });
    expect(listed.body.data).toEqual({ items: [archived.body.data], has_more: false, total: 1 });
    const twice = await call("DELETE", path, psActionAnswer);
    expect(twice.body.data).toEqual(archived.body.data);

    const missing = await call("DELETE", "actions/ps%3Anope", psError);
    expect(missing.status).toBe(404);
    expect(missing.body.message).toContain('"ps:nope"');
    const wrongSecret = await partnerStackClient(
      "http://localhost/api/v2",
      { publicKey: f.apiKey.publicKey, secretKey: `${f.apiKey.secret}x` },
      deployment(db),
    )("GET", "actions", psError);
    expect(wrongSecret.status).toBe(401);
    const paths = await db.prisma.ingestLog.findMany({
      where: { programId: f.program.id },
      orderBy: { id: "asc" },
    });
    expect(paths.map((l) => `${l.method} ${l.path} ${l.status}`)).toEqual([
      "POST /api/v2/actions 200",
      "POST /api/v2/actions 200",
      "DELETE /api/v2/actions/ps%3Aext%2F0001 200",
      "GET /api/v2/actions?limit=10 200",
      "DELETE /api/v2/actions/ps%3Aext%2F0001 200",
      "DELETE /api/v2/actions/ps%3Anope 404",
      "GET /api/v2/actions 401",
    ]);
  });
});
