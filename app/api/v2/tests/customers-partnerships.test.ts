import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { seedApiProgram } from "@/lib/testing/api-fixture";
import { callRoute } from "@/lib/testing/call-route";
import { addMember, createUser } from "@/lib/testing/factories";
import { createTestDatabase, type TestDatabase } from "@/lib/testing/test-database";
import * as actionsRoute from "../actions/route";
import * as customerRoute from "../customers/[customer_key]/route";
import * as customersRoute from "../customers/route";
import * as groupsRoute from "../groups/route";
import * as partnershipRoute from "../partnerships/[partner_key]/route";
import * as partnershipsRoute from "../partnerships/route";
import * as rewardsRoute from "../rewards/route";

describe.each(inject("engines"))("customers, partnerships, groups and rewards on %s", (engine) => {
  let db: TestDatabase;
  beforeAll(async () => {
    db = await createTestDatabase(engine);
  });
  afterAll(() => db.close());

  it("creates, reads, updates, lists and archives customers", async () => {
    const f = await seedApiProgram(db.prisma);
    const auth = f.basic;
    const created = await callRoute(customersRoute.POST.on(db), "POST", "/api/v2/customers", {
      auth,
      body: {
        customer_key: "cus_new",
        email: "new@c.test",
        name: "New",
        partner_key: "ptn_alice",
        meta: { plan: "pro" },
      },
    });
    expect(created.status).toBe(200);
    expect(created.json.data).toMatchObject({
      key: "cus_new",
      partner_key: "ptn_alice",
      meta: { plan: "pro" },
      archived: false,
    });

    const dup = await callRoute(customersRoute.POST.on(db), "POST", "/api/v2/customers", {
      auth,
      body: { customer_key: "cus_new", partner_key: "ptn_alice" },
    });
    expect(dup.status).toBe(409);
    const badPartner = await callRoute(customersRoute.POST.on(db), "POST", "/api/v2/customers", {
      auth,
      body: { customer_key: "cus_x", partner_key: "ptn_nobody", email: "nope" },
    });
    expect(badPartner.status).toBe(422);
    expect(badPartner.json.errors.map((e: { field: string }) => e.field)).toEqual(["email"]);

    const params = { customer_key: "cus_new" };
    const moved = await callRoute(
      customerRoute.PATCH.on(db),
      "PATCH",
      "/api/v2/customers/cus_new",
      {
        auth,
        params,
        body: { partner_key: "ptn_bob", name: "Renamed" },
      },
    );
    expect(moved.json.data).toMatchObject({
      partner_key: "ptn_bob",
      name: "Renamed",
      email: "new@c.test",
    });
    const emptyPatch = await callRoute(
      customerRoute.PATCH.on(db),
      "PATCH",
      "/api/v2/customers/cus_new",
      {
        auth,
        params,
        body: {},
      },
    );
    expect(emptyPatch.status).toBe(422);

    // Attribution follows the customer: the next action lands on Bob.
    const action = await callRoute(actionsRoute.POST.on(db), "POST", "/api/v2/actions", {
      auth,
      body: { target_key: "cus_new", target_type: "customer", type: "signup_completed" },
    });
    expect(action.json.data.partnership_key).toBe("ptn_bob");

    const listed = await callRoute(
      customersRoute.GET.on(db),
      "GET",
      "/api/v2/customers?partner_key=ptn_bob",
      { auth },
    );
    expect(listed.json.data.items.map((c: { key: string }) => c.key).sort()).toEqual([
      "cus_2",
      "cus_new",
    ]);

    const archived = await callRoute(
      customerRoute.DELETE.on(db),
      "DELETE",
      "/api/v2/customers/cus_new",
      {
        auth,
        params,
      },
    );
    expect(archived.json.data.archived).toBe(true);
    const afterArchive = await callRoute(customersRoute.GET.on(db), "GET", "/api/v2/customers", {
      auth,
    });
    expect(afterArchive.json.data.total).toBe(2);
    const withArchived = await callRoute(
      customersRoute.GET.on(db),
      "GET",
      "/api/v2/customers?include_archived=true",
      { auth },
    );
    expect(withArchived.json.data.total).toBe(3);
    const refused = await callRoute(actionsRoute.POST.on(db), "POST", "/api/v2/actions", {
      auth,
      body: { target_key: "cus_new", target_type: "customer", type: "signup_completed" },
    });
    expect(refused.status).toBe(404);
    const missing = await callRoute(customerRoute.GET.on(db), "GET", "/api/v2/customers/ghost", {
      auth,
      params: { customer_key: "ghost" },
    });
    expect(missing.status).toBe(404);
  });

  it("creates, updates, archives and lists partnerships with group, tags and manager", async () => {
    const f = await seedApiProgram(db.prisma);
    const auth = f.basic;
    const manager = await createUser(db.prisma, { email: "mgr@acme.test", name: "Manager" });
    await addMember(db.prisma, f.program.id, manager.id, "manager");
    const body = {
      partner_key: "ptn_carol",
      email: "Carol@P.test",
      first_name: "Carol",
      last_name: "King",
      group: "affiliates",
      tags: ["vip", "emea", "vip"],
      manager_email: "mgr@acme.test",
      is_marketplace: true,
    };
    const created = await callRoute(partnershipsRoute.POST.on(db), "POST", "/api/v2/partnerships", {
      auth,
      body,
    });
    expect(created.status).toBe(200);
    expect(created.json.data).toMatchObject({
      key: "ptn_carol",
      email: "carol@p.test",
      group: { key: "affiliates", name: "Affiliates" },
      tags: ["emea", "vip"],
      manager_email: "mgr@acme.test",
      is_marketplace: true,
      archived: false,
    });

    const bad = await callRoute(partnershipsRoute.POST.on(db), "POST", "/api/v2/partnerships", {
      auth,
      body: { ...body, partner_key: "ptn_dan", group: "nope", manager_email: "stranger@x.test" },
    });
    expect(bad.status).toBe(422);
    expect(bad.json.errors.map((e: { field: string }) => e.field)).toEqual([
      "group",
      "manager_email",
    ]);
    expect(
      await db.prisma.partnership.count({
        where: { programId: f.program.id, partnerKey: "ptn_dan" },
      }),
    ).toBe(0);
    expect(
      (
        await callRoute(partnershipsRoute.POST.on(db), "POST", "/api/v2/partnerships", {
          auth,
          body,
        })
      ).status,
    ).toBe(409);

    const params = { partner_key: "ptn_carol" };
    const patched = await callRoute(
      partnershipRoute.PATCH.on(db),
      "PATCH",
      "/api/v2/partnerships/ptn_carol",
      { auth, params, body: { group: "resellers", tags: ["apac"], archived: true } },
    );
    expect(patched.json.data).toMatchObject({
      group: { key: "resellers" },
      tags: ["apac"],
      archived: true,
    });

    const active = await callRoute(partnershipsRoute.GET.on(db), "GET", "/api/v2/partnerships", {
      auth,
    });
    expect(active.json.data.items.map((p: { key: string }) => p.key).sort()).toEqual([
      "ptn_alice",
      "ptn_bob",
    ]);
    const all = await callRoute(
      partnershipsRoute.GET.on(db),
      "GET",
      "/api/v2/partnerships?include_archived=true&group=resellers",
      { auth },
    );
    expect(all.json.data.items.map((p: { key: string }) => p.key).sort()).toEqual([
      "ptn_bob",
      "ptn_carol",
    ]);
    const got = await callRoute(
      partnershipRoute.GET.on(db),
      "GET",
      "/api/v2/partnerships/ptn_carol",
      {
        auth,
        params,
      },
    );
    expect(got.json.data.archived).toBe(true);
    const badQuery = await callRoute(
      partnershipsRoute.GET.on(db),
      "GET",
      "/api/v2/partnerships?include_archived=maybe",
      { auth },
    );
    expect(badQuery.status).toBe(422);
  });

  it("lists groups and filters rewards by partnership, action type and status", async () => {
    const f = await seedApiProgram(db.prisma);
    const auth = f.basic;
    const groups = await callRoute(groupsRoute.GET.on(db), "GET", "/api/v2/groups", { auth });
    expect(groups.json.data.items.map((g: { key: string }) => g.key)).toEqual([
      "affiliates",
      "resellers",
    ]);

    const send = (target_key: string, type: string) =>
      callRoute(actionsRoute.POST.on(db), "POST", "/api/v2/actions", {
        auth,
        body: { target_key, target_type: "customer", type },
      });
    await send("cus_1", "signup_completed");
    await send("cus_2", "signup_completed");
    await send("cus_2", "demo_booked");
    const all = await callRoute(rewardsRoute.GET.on(db), "GET", "/api/v2/rewards?limit=250", {
      auth,
    });
    expect(all.json.data.total).toBe(3);
    expect(
      all.json.data.items
        .map((r: { amount: number }) => r.amount)
        .sort((a: number, b: number) => a - b),
    ).toEqual([500, 500, 2500]);
    const bobs = await callRoute(
      rewardsRoute.GET.on(db),
      "GET",
      "/api/v2/rewards?partnership_key=ptn_bob&action_type=demo_booked",
      { auth },
    );
    expect(bobs.json.data.items).toEqual([
      expect.objectContaining({
        amount: 2500,
        currency: "USD",
        status: "pending",
        rule: expect.objectContaining({ name: "Reseller demo" }),
      }),
    ]);
    const paid = await callRoute(rewardsRoute.GET.on(db), "GET", "/api/v2/rewards?status=paid", {
      auth,
    });
    expect(paid.json.data.total).toBe(0);
    const page1 = await callRoute(rewardsRoute.GET.on(db), "GET", "/api/v2/rewards?limit=2", {
      auth,
    });
    const page2 = await callRoute(
      rewardsRoute.GET.on(db),
      "GET",
      `/api/v2/rewards?limit=2&starting_after=${page1.json.data.items[1].key}`,
      { auth },
    );
    const keys = [...page1.json.data.items, ...page2.json.data.items].map(
      (r: { key: string }) => r.key,
    );
    expect(keys).toEqual(all.json.data.items.map((r: { key: string }) => r.key));
    expect(
      (await callRoute(rewardsRoute.GET.on(db), "GET", "/api/v2/rewards?status=lost", { auth }))
        .status,
    ).toBe(422);
  });
});
