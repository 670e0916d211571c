import { randomBytes } from "node:crypto";
import type { PrismaClient } from "../generated/prisma/client";
import { addMember, createProgram, createUser } from "./factories";

/**
 * A program with at least one row in every table that holds a program's rows (the tests of its
 * deletion check that against the catalog, so a new table fails them until it is added here).
 */
export async function seedFullProgram(prisma: PrismaClient) {
  const tag = randomBytes(4).toString("hex");
  const program = await createProgram(prisma, { name: `Full ${tag}` });
  const programId = program.id;
  const owner = await createUser(prisma, { name: `Owner ${tag}` });
  await addMember(prisma, programId, owner.id, "owner");

  const group = await prisma.group.create({
    data: { programId, key: `grp_${tag}`, name: `Group ${tag}`, slug: `g-${tag}` },
  });
  const label = await prisma.tag.create({ data: { programId, name: `tag-${tag}` } });
  const type = await prisma.actionType.create({ data: { programId, name: `type_${tag}` } });
  const rule = await prisma.rewardRule.create({
    data: { programId, name: `Rule ${tag}`, actionTypeId: type.id, amountCents: 700 },
  });
  const partnership = await prisma.partnership.create({
    data: {
      programId,
      partnerKey: `ptn_${tag}`,
      firstName: "Pat",
      lastName: "Partner",
      email: `partner-${tag}@example.test`,
      groupId: group.id,
      managerUserId: owner.id,
    },
  });
  await prisma.partnershipTag.create({
    data: { programId, partnershipId: partnership.id, tagId: label.id },
  });
  const customer = await prisma.customer.create({
    data: { programId, customerKey: `cus_${tag}`, partnershipId: partnership.id },
  });
  const action = await prisma.action.create({
    data: {
      programId,
      key: `act_${tag}`,
      actionTypeId: type.id,
      targetType: "customer",
      partnershipId: partnership.id,
      customerId: customer.id,
      occurredAt: new Date(Date.now() - 3_600_000),
      rewardCents: 700,
    },
  });
  await prisma.reward.create({
    data: {
      programId,
      partnershipId: partnership.id,
      actionId: action.id,
      ruleId: rule.id,
      amountCents: 700,
      currency: program.currency,
    },
  });
  await prisma.apiKey.create({
    data: { programId, label: "Key", publicKey: `pk_test_${tag}`, secretHash: "x" },
  });
  await prisma.ingestLog.create({
    data: {
      programId,
      method: "POST",
      path: "/api/v2/actions",
      status: 200,
      outcome: "ok",
      message: "m",
    },
  });
  const view = await prisma.savedView.create({
    data: { programId, userId: owner.id, name: `View ${tag}`, query: "timeframe=any_time" },
  });
  await prisma.shareLink.create({
    data: { programId, savedViewId: view.id, token: `share_${tag}`, createdBy: owner.id },
  });
  await prisma.annotation.create({
    data: {
      programId,
      day: new Date("2026-03-02T00:00:00Z"),
      text: `Note ${tag}`,
      authorUserId: owner.id,
      authorLabel: owner.name,
    },
  });
  const schedule = await prisma.deliverySchedule.create({
    data: {
      programId,
      savedViewId: view.id,
      createdBy: owner.id,
      frequency: "daily",
      timeOfDay: 540,
      file: "tab.pdf",
      channel: "email",
      recipients: [owner.email],
      nextRunAt: new Date("2100-01-01T14:00:00Z"),
    },
  });
  const delivery = await prisma.delivery.create({
    data: { programId, scheduleId: schedule.id, dueAt: new Date(), nextAttemptAt: new Date() },
  });
  const alert = await prisma.alert.create({
    data: {
      programId,
      savedViewId: view.id,
      createdBy: owner.id,
      metric: "occurrences",
      per: "view",
      condition: "above",
      threshold: 10,
      frequency: "daily",
      channel: "email",
      recipients: [owner.email],
      nextCheckAt: new Date("2100-01-01T05:00:00Z"),
    },
  });
  await prisma.alertEpisode.create({
    data: {
      programId,
      alertId: alert.id,
      key: "",
      label: "The whole view",
      since: new Date(),
      value: 11,
      announced: true,
    },
  });
  await prisma.delivery.create({
    data: { programId, alertId: alert.id, dueAt: new Date(), nextAttemptAt: new Date() },
  });
  await prisma.deliveryFile.create({
    data: {
      programId,
      deliveryId: delivery.id,
      name: "tab.pdf",
      contentType: "application/pdf",
      content: Buffer.from("%PDF"),
      expiresAt: new Date(Date.now() + 86_400_000),
    },
  });
  await prisma.partnerStackConnection.create({
    data: {
      programId,
      baseUrl: "https://api.partnerstack.test/api/v2",
      publicKey: `ps_pk_${tag}`,
      secretKeySealed: "sealed",
      webhookSecretSealed: "sealed",
    },
  });
  const run = await prisma.partnerStackImport.create({
    data: { programId, baseUrl: "https://api.partnerstack.test/api/v2" },
  });
  await prisma.partnerStackImportStep.create({
    data: { programId, importId: run.id, resource: "partnerships" },
  });
  await prisma.invitation.create({
    data: {
      programId,
      email: `invitee-${tag}@example.test`,
      role: "viewer",
      nonceHash: "h",
      expiresAt: new Date(Date.now() + 86_400_000),
    },
  });
  await prisma.programSlugRedirect.create({ data: { programId, oldSlug: `old-${tag}` } });
  await prisma.auditEvent.create({
    data: { programId, actorLabel: "test", kind: "program.updated", summary: "s" },
  });
  return { program, owner, ids: { action: action.id, partnership: partnership.id } };
}

/** Every table of the public schema with a `program_id` column, from the catalog. */
export async function programOwnedTables(prisma: PrismaClient): Promise<string[]> {
  const rows = await prisma.$queryRaw<{ table_name: string }[]>`
    SELECT c.table_name FROM information_schema.columns c
    JOIN information_schema.tables t
      ON t.table_schema = c.table_schema AND t.table_name = c.table_name
    WHERE c.table_schema = current_schema() AND c.column_name = 'program_id'
      AND t.table_type = 'BASE TABLE'
    ORDER BY c.table_name`;
  return rows.map((r) => r.table_name);
}

/** How many rows of the program each of those tables holds (and `programs` its own row). */
export async function countProgramRows(
  prisma: PrismaClient,
  programId: number,
): Promise<Record<string, number>> {
  const counts: Record<string, number> = {};
  for (const table of await programOwnedTables(prisma)) {
    // The name comes from the catalog, quoted as an identifier.
    const [row] = await prisma.$queryRawUnsafe<{ n: bigint }[]>(
      `SELECT count(*) AS n FROM "${table.replaceAll('"', '""')}" WHERE program_id = $1`,
      programId,
    );
    counts[table] = Number(row.n);
  }
  counts.programs = await prisma.program.count({ where: { id: programId } });
  return counts;
}
