import type { SqlRunner } from "../db/sql-runner";
import type { PrismaClient } from "../generated/prisma/client";
import { bulkInsert } from "../seed/bulk-insert";
import { createRandom } from "../seed/random";
import { addMember, createProgram, createUser } from "./factories";

export interface ModelPartner {
  id: number;
  key: string;
  name: string;
  email: string;
  groupId: number;
  managerId: number | null;
  tagIds: number[];
  marketplace: boolean;
  archived: boolean;
}

export interface ModelAction {
  key: string;
  partnerId: number;
  customerId: number | null;
  type: string;
  value: number;
  occurredAt: number;
  archived: boolean;
  /** Non-archived rewards this action made, in cents (the rewards table holds the same). */
  rewardCents: number;
}

/**
 * A program for the Actions tab tests, in New York time, with actions spread over a DST change
 * and a year boundary, plus a second program at the same times that must never count. Returns
 * the plain-JS model of what was written, for the tests' own computations.
 */
export async function seedTabProgram(prisma: PrismaClient, runner: SqlRunner, seed = 1) {
  const random = createRandom(seed);
  const program = await createProgram(prisma, { timezone: "America/New_York" });
  const other = await createProgram(prisma, { timezone: "America/New_York" });
  const programId = program.id;
  const groups = await Promise.all(
    ["Affiliates", "Resellers", "Agencies"].map((name) =>
      prisma.group.create({
        data: { programId, key: name.toLowerCase(), name, slug: name.toLowerCase() },
      }),
    ),
  );
  const managers = [];
  for (const name of ["Maya Manager", "Leo Lead"]) {
    const user = await createUser(prisma, { name });
    await addMember(prisma, programId, user.id, "manager");
    managers.push(user);
  }
  const tags = await Promise.all(
    ["vip", "emea", "100%_real"].map((name) => prisma.tag.create({ data: { programId, name } })),
  );
  const types = await Promise.all(
    ["signup", "demo", "upgrade"].map((name) =>
      prisma.actionType.create({ data: { programId, name } }),
    ),
  );
  const rule = await prisma.rewardRule.create({
    data: { programId, name: "Any", actionTypeId: types[0].id, amountCents: 1 },
  });

  const names = [
    ["Ada", "Lovelace"],
    ["Grace", "Hopper"],
    ["Alan", "Turing"],
    ["Edsger", "Dijkstra"],
    ["Barbara", "Liskov"],
    ["Ken", "Thompson"],
    ["Ada", "Yonath"],
    ["Linus", "Torvalds"],
  ];
  const partners: ModelPartner[] = [];
  for (const [i, [first, last]] of names.entries()) {
    const p = await prisma.partnership.create({
      data: {
        programId,
        partnerKey: `p${i}`,
        firstName: first,
        lastName: last,
        email: `${first.toLowerCase()}.${last.toLowerCase()}@${i % 2 ? "corp" : "mail"}.test`,
        groupId: groups[i % 3].id,
        managerUserId: i % 4 === 3 ? null : managers[i % 2].id,
        isMarketplace: i % 3 === 1,
        archivedAt: i % 5 === 4 ? new Date("2026-01-15T00:00:00Z") : null,
      },
    });
    const tagIds = tags.filter((_, t) => (i + t) % 3 === 0).map((t) => t.id);
    for (const tagId of tagIds)
      await prisma.partnershipTag.create({ data: { programId, partnershipId: p.id, tagId } });
    partners.push({
      id: p.id,
      key: p.partnerKey,
      name: `${first} ${last}`,
      email: p.email,
      groupId: p.groupId,
      managerId: p.managerUserId,
      tagIds,
      marketplace: p.isMarketplace,
      archived: p.archivedAt !== null,
    });
  }
  const customers: { id: number; partnershipId: number }[] = [];
  for (let i = 0; i < 12; i++) {
    customers.push(
      await prisma.customer.create({
        data: {
          programId,
          customerKey: `c${i}`,
          email: `c${i}@cust.test`,
          partnershipId: partners[i % partners.length].id,
        },
      }),
    );
  }

  // Fixed instants around the DST change (2026-03-08, New York) and New Year, plus random ones.
  const fixed = [
    "2026-03-08T04:59:59.999Z",
    "2026-03-08T05:00:00.000Z",
    "2026-03-09T03:59:59.999Z",
    "2026-03-09T04:00:00.000Z",
    "2026-01-01T04:59:59.999Z",
    "2026-01-01T05:00:00.000Z",
    "2025-12-31T23:30:00.000Z",
  ].map(Date.parse);
  const start = Date.parse("2025-12-20T00:00:00Z");
  const span = Date.parse("2026-03-20T00:00:00Z") - start;
  const instants = [
    ...fixed,
    ...Array.from({ length: 260 }, () => start + Math.floor(random.next() * span)),
  ];
  const actions: ModelAction[] = instants.map((occurredAt, i) => {
    const customer = random.chance(0.7) ? random.pick(customers) : null;
    const partnerId = customer ? customer.partnershipId : random.pick(partners).id;
    const archived = random.chance(0.05);
    return {
      key: `a${i}`,
      partnerId,
      customerId: customer?.id ?? null,
      type: random.pick(types).name,
      value: random.chance(0.8) ? 1 : random.int(2, 4),
      occurredAt,
      archived,
      rewardCents: random.chance(0.5) ? random.int(1, 5) * 100 : 0,
    };
  });
  const typeId = new Map(types.map((t) => [t.name, t.id]));
  const inserted = await bulkInsert<{ id: string; key: string }>(
    runner,
    "actions",
    actions.map((a) => actionRow(programId, typeId.get(a.type)!, a)),
    "id, key",
  );
  const actionId = new Map(inserted.map((r) => [r.key, r.id]));
  await bulkInsert(
    runner,
    "rewards",
    actions
      .filter((a) => a.rewardCents > 0)
      .map((a) => ({
        program_id: programId,
        partnership_id: a.partnerId,
        action_id: actionId.get(a.key),
        rule_id: rule.id,
        amount_cents: a.rewardCents,
        currency: "USD",
        archived_at: a.archived ? new Date(a.occurredAt).toISOString() : null,
      })),
  );

  // The other program: same instants, its own partner and type; must never show up.
  const otherGroup = await prisma.group.create({
    data: { programId: other.id, key: "g", name: "G", slug: "g" },
  });
  const otherPartner = await prisma.partnership.create({
    data: {
      programId: other.id,
      partnerKey: "p0",
      firstName: "Ada",
      lastName: "Lovelace",
      email: "ada.lovelace@mail.test",
      groupId: otherGroup.id,
    },
  });
  const otherType = await prisma.actionType.create({
    data: { programId: other.id, name: "signup" },
  });
  const otherActions = actions.map((a) => ({
    ...a,
    partnerId: otherPartner.id,
    customerId: null,
    archived: false,
    rewardCents: 999,
  }));
  await bulkInsert(
    runner,
    "actions",
    otherActions.map((a) => actionRow(other.id, otherType.id, a)),
  );

  return { program, groups, managers, tags, types, partners, actions };
}

/** The `actions` row for a model action (ingestion's defaults fill the columns left out). */
function actionRow(programId: number, actionTypeId: number, a: ModelAction) {
  const at = new Date(a.occurredAt).toISOString();
  return {
    program_id: programId,
    key: a.key,
    action_type_id: actionTypeId,
    value: a.value,
    target_type: a.customerId ? "customer" : "partnership",
    partnership_id: a.partnerId,
    customer_id: a.customerId,
    occurred_at: at,
    created_at: at,
    archived_at: a.archived ? at : null,
    reward_cents: a.rewardCents,
  };
}
