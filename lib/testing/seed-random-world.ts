// Writes a random program (lib/testing/random-tab-world.ts) to a test database, applies its later
// edits, and keeps the plain-JS model of what it wrote for independent checks.
import { randomBytes } from "node:crypto";
import type { SummaryNumbers } from "../stats/engine";
import type { OpenDatabase } from "../db/open";
import {
  evaluateRewardRules,
  IMPORTED_OUTCOME,
  type RuleForEvaluation,
} from "../rewards/evaluate-reward-rules";
import { bulkInsert } from "../seed/bulk-insert";
import { createProgram } from "./factories";
import type { ActionProperties } from "../schemas/action-properties";
import type { ActionSpec, PartnerSpec, ProgramSpec } from "./random-tab-world";

export interface ModelAction {
  key: string;
  partnershipId: number;
  customerId: number | null;
  typeId: number;
  value: number;
  occurredAt: number;
  createdAt: number;
  archived: boolean;
  rewardCents: number;
  properties: ActionProperties;
}

export interface SeededProgram {
  spec: ProgramSpec;
  program: Awaited<ReturnType<typeof createProgram>>;
  groupIds: number[];
  managerIds: number[];
  tagIds: number[];
  typeIds: number[];
  partnerIds: number[];
  /** Partner names as they are now (edits included), for the name filter's substrings. */
  partnerNames: string[];
  partnerEmails: string[];
  customers: { id: number; partnershipId: number }[];
  rules: RuleForEvaluation[];
  actions: ModelAction[];
}

const at = (i: number, list: number[]) => list[i % list.length];
const pickAll = (indexes: number[], list: number[]) =>
  list.length ? [...new Set(indexes.map((i) => at(i, list)))] : [];

/** Inserts actions as ingestion would: rewards from the rules (or written directly), one statement. */
async function insertActions(db: OpenDatabase, s: SeededProgram, specs: ActionSpec[]) {
  // Rules see the partner's group at the time the action arrives.
  const partners = await db.prisma.partnership.findMany({
    where: { programId: s.program.id },
    select: { id: true, groupId: true },
  });
  const groupOf = new Map(partners.map((p) => [p.id, p.groupId]));
  const rows = specs.map((a) => {
    const customerRow =
      a.customer === null || !s.customers.length
        ? null
        : s.customers[a.customer % s.customers.length];
    const partnershipId = customerRow?.partnershipId ?? at(a.partner, s.partnerIds);
    const typeId = at(a.type, s.typeIds);
    const outcome =
      a.directRewardCents === null
        ? evaluateRewardRules(
            {
              actionTypeId: typeId,
              value: a.value,
              groupId: groupOf.get(partnershipId)!,
              archived: a.archived,
            },
            s.rules,
          )
        : null;
    const rewardCents =
      outcome === null
        ? a.directRewardCents!
        : outcome.rules.reduce((sum, r) => sum + (r.outcome === "rewarded" ? r.amountCents : 0), 0);
    const model: ModelAction = {
      key: `a${s.actions.length}`,
      partnershipId,
      customerId: customerRow?.id ?? null,
      typeId,
      value: a.value,
      occurredAt: a.occurredAt,
      createdAt: a.createdAt,
      archived: a.archived,
      rewardCents,
      properties: a.properties,
    };
    s.actions.push(model);
    return {
      program_id: s.program.id,
      key: model.key,
      action_type_id: typeId,
      value: a.value,
      target_type: customerRow ? "customer" : "partnership",
      partnership_id: partnershipId,
      customer_id: model.customerId,
      occurred_at: new Date(a.occurredAt).toISOString(),
      created_at: new Date(a.createdAt).toISOString(),
      archived_at: a.archived ? new Date(a.createdAt).toISOString() : null,
      reward_cents: rewardCents,
      // Without rules: half "not evaluated", half imported with the source's rewards.
      reward_outcome: JSON.stringify(outcome ?? (a.value % 2 === 0 ? IMPORTED_OUTCOME : [])),
      properties: JSON.stringify(a.properties),
    };
  });
  await db.withRunner((runner) => bulkInsert(runner, "actions", rows));
}

async function addPartner(db: OpenDatabase, s: SeededProgram, p: PartnerSpec, key = p.key) {
  const programId = s.program.id;
  const row = await db.prisma.partnership.create({
    data: {
      programId,
      partnerKey: key,
      firstName: p.firstName,
      lastName: p.lastName,
      email: p.email,
      groupId: at(p.group, s.groupIds),
      managerUserId:
        p.manager === null || !s.managerIds.length ? null : at(p.manager, s.managerIds),
      isMarketplace: p.marketplace,
      archivedAt: p.archived ? new Date("2026-01-15T00:00:00Z") : null,
    },
  });
  const tags = pickAll(p.tags, s.tagIds);
  if (tags.length)
    await db.prisma.partnershipTag.createMany({
      data: tags.map((tagId) => ({ programId, partnershipId: row.id, tagId })),
    });
  s.partnerIds.push(row.id);
  s.partnerNames.push(`${p.firstName} ${p.lastName}`);
  s.partnerEmails.push(p.email);
}

async function addCustomer(db: OpenDatabase, s: SeededProgram, c: ProgramSpec["customers"][0]) {
  const row = await db.prisma.customer.create({
    data: {
      programId: s.program.id,
      customerKey: `c${s.customers.length}`,
      email: c.email,
      partnershipId: at(c.partner, s.partnerIds),
    },
  });
  s.customers.push({ id: row.id, partnershipId: row.partnershipId });
}

async function addType(db: OpenDatabase, s: SeededProgram, name: string) {
  const type = await db.prisma.actionType.create({ data: { programId: s.program.id, name } });
  s.typeIds.push(type.id);
}

export async function seedRandomProgram(
  db: OpenDatabase,
  spec: ProgramSpec,
): Promise<SeededProgram> {
  const { prisma } = db;
  const program = await createProgram(prisma, { timezone: spec.timezone });
  const programId = program.id;
  const s: SeededProgram = {
    spec,
    program,
    groupIds: [],
    managerIds: [],
    tagIds: [],
    typeIds: [],
    partnerIds: [],
    partnerNames: [],
    partnerEmails: [],
    customers: [],
    rules: [],
    actions: [],
  };
  for (const [i, name] of spec.groups.entries()) {
    const g = await prisma.group.create({ data: { programId, key: `g${i}`, name, slug: `g${i}` } });
    s.groupIds.push(g.id);
  }
  for (let i = 0; i < spec.managers; i++) {
    const user = await prisma.user.create({
      data: {
        email: `m-${randomBytes(5).toString("hex")}@example.test`,
        name: `M${i}`,
        passwordHash: "-",
      },
    });
    await prisma.membership.create({ data: { programId, userId: user.id, role: "manager" } });
    s.managerIds.push(user.id);
  }
  for (const name of spec.tags)
    s.tagIds.push((await prisma.tag.create({ data: { programId, name } })).id);
  for (const name of spec.types) await addType(db, s, name);
  for (const [i, r] of spec.rules.entries()) {
    const rule = await prisma.rewardRule.create({
      data: {
        programId,
        name: `Rule ${i} %_\\`,
        actionTypeId: at(r.type, s.typeIds),
        minValue: r.minValue,
        groupId: r.group === null ? null : at(r.group, s.groupIds),
        amountCents: r.amountCents,
        multiplyByValue: r.multiplyByValue,
        active: r.active,
      },
    });
    s.rules.push(rule);
  }
  for (const p of spec.partners) await addPartner(db, s, p);
  for (const c of spec.customers) await addCustomer(db, s, c);
  await insertActions(db, s, spec.actions);
  return s;
}

/**
 * The program's edits after the first delivery: partnerships (attributes, tags, archiving),
 * customers, archived actions, and late partnerships, customers, types and actions.
 */
export async function applyEdits(db: OpenDatabase, s: SeededProgram): Promise<void> {
  const { prisma } = db;
  const programId = s.program.id;
  const { edits } = s.spec;
  for (const e of edits.partners) {
    const index = e.partner % s.partnerIds.length;
    const id = s.partnerIds[index];
    const row = await prisma.partnership.update({
      where: { programId_id: { programId, id } },
      data: {
        firstName: e.firstName,
        lastName: e.lastName,
        email: e.email,
        groupId: e.group === undefined ? undefined : at(e.group, s.groupIds),
        managerUserId:
          e.manager === undefined
            ? undefined
            : e.manager === null || !s.managerIds.length
              ? null
              : at(e.manager, s.managerIds),
        isMarketplace: e.marketplace,
        archivedAt: e.archived === undefined ? undefined : e.archived ? new Date() : null,
      },
    });
    s.partnerNames[index] = `${row.firstName} ${row.lastName}`;
    s.partnerEmails[index] = row.email;
    if (e.tags !== undefined) {
      await prisma.partnershipTag.deleteMany({ where: { programId, partnershipId: id } });
      const tags = pickAll(e.tags, s.tagIds);
      if (tags.length)
        await prisma.partnershipTag.createMany({
          data: tags.map((tagId) => ({ programId, partnershipId: id, tagId })),
        });
    }
  }
  for (const c of edits.customers) {
    if (!s.customers.length) break;
    await prisma.customer.update({
      where: { programId_id: { programId, id: s.customers[c.customer % s.customers.length].id } },
      data: { email: c.email },
    });
  }
  if (s.actions.length) {
    for (const i of new Set(edits.toggleArchived.map((i) => i % s.actions.length))) {
      const action = s.actions[i];
      action.archived = !action.archived;
      await prisma.action.update({
        where: { programId_key: { programId, key: action.key } },
        data: { archivedAt: action.archived ? new Date() : null },
      });
    }
  }
  // Keys and names no earlier row has ("+" appears in no generated key or type name).
  if (edits.newPartner) await addPartner(db, s, edits.newPartner, `${edits.newPartner.key}+`);
  if (edits.newCustomer) await addCustomer(db, s, edits.newCustomer);
  if (edits.newType) await addType(db, s, "late+type");
  await insertActions(db, s, edits.newActions);
}

/**
 * The program's numbers over all time, without filters or with only a property filter, computed
 * from the model alone.
 */
export function modelSummary(
  s: SeededProgram,
  keep: (a: ModelAction) => boolean = () => true,
): SummaryNumbers {
  const live = s.actions.filter((a) => !a.archived && keep(a));
  return {
    occurrences: live.length,
    totalValue: live.reduce((sum, a) => sum + a.value, 0),
    rewardCents: live.reduce((sum, a) => sum + a.rewardCents, 0),
    partners: new Set(live.map((a) => a.partnershipId)).size,
    customers: new Set(live.flatMap((a) => (a.customerId === null ? [] : [a.customerId]))).size,
  };
}
