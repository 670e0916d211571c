import { randomBytes } from "node:crypto";
import { generateApiKeyPair, hashSecret } from "../../lib/api-keys/api-key-secrets";
import type { PrismaClient } from "../../lib/generated/prisma/client";
import { addMember, createProgram, createUser } from "../../lib/testing/factories";
import { e2eDatabase } from "./seed";

/**
 * A program holding a row in every table a page, export or API route can show, for the isolation
 * crawler. Everything it shows and nobody types — names, emails, labels, messages — contains
 * `marker`, a random string, so finding the marker in a response means the program's data leaked.
 * Keys and ids (what a request names) are listed in `identifiers` and `ids` instead.
 */
export async function seedCrawlProgram(prisma: PrismaClient, letter: "a" | "b") {
  const tag = randomBytes(4).toString("hex");
  const marker = `mk${letter}${tag}`;
  const program = await createProgram(prisma, { name: `Program ${marker}` });
  const programId = program.id;
  const manager = await createUser(prisma, {
    name: `Manager ${marker}`,
    email: `mgr-${letter}${tag}@crawl.test`,
  });
  await addMember(prisma, programId, manager.id, "manager");

  const group = await prisma.group.create({
    data: { programId, key: `grp_${letter}${tag}`, name: `Group ${marker}`, slug: `g-${tag}` },
  });
  const label = await prisma.tag.create({ data: { programId, name: `tag-${marker}` } });
  const type = await prisma.actionType.create({
    data: { programId, name: `type_${letter}${tag}` },
  });
  const rule = await prisma.rewardRule.create({
    data: { programId, name: `Rule ${marker}`, actionTypeId: type.id, amountCents: 700 },
  });

  const partnerships = [];
  for (const n of [1, 2]) {
    const partnership = await prisma.partnership.create({
      data: {
        programId,
        partnerKey: `ptn_${letter}${tag}_${n}`,
        firstName: `First${n}`,
        lastName: `Partner ${marker}`,
        email: `partner${n}-${marker}@crawl.test`,
        groupId: group.id,
        managerUserId: manager.id,
      },
    });
    await prisma.partnershipTag.create({
      data: { programId, partnershipId: partnership.id, tagId: label.id },
    });
    partnerships.push(partnership);
  }
  // A partnership whose PartnerStack manager is not a member yet (the Members/PartnerStack pages).
  const waiting = await prisma.partnership.create({
    data: {
      programId,
      partnerKey: `ptn_${letter}${tag}_waiting`,
      firstName: "Waiting",
      lastName: `Partner ${marker}`,
      email: `waiting-${marker}@crawl.test`,
      groupId: group.id,
      pendingManagerEmail: `pending-${marker}@crawl.test`,
    },
  });
  const invitation = await prisma.invitation.create({
    data: {
      programId,
      email: `invited-${marker}@crawl.test`,
      role: "viewer",
      nonceHash: `nonce-${tag}`,
      expiresAt: new Date(Date.now() + 86_400_000),
    },
  });
  await prisma.auditEvent.create({
    data: {
      programId,
      actorLabel: `Seed ${marker}`,
      kind: "members.added",
      summary: `Seeded ${marker}`,
    },
  });
  const customers = [];
  for (const [n, partnership] of partnerships.entries()) {
    customers.push(
      await prisma.customer.create({
        data: {
          programId,
          customerKey: `cus_${letter}${tag}_${n + 1}`,
          name: `Customer ${marker}`,
          email: `customer${n + 1}-${marker}@crawl.test`,
          partnershipId: partnership.id,
          meta: { note: `meta ${marker}` },
        },
      }),
    );
  }
  const actions = [];
  for (const [n, customer] of customers.entries()) {
    const action = await prisma.action.create({
      data: {
        programId,
        key: `act_${letter}${tag}_${n + 1}`,
        actionTypeId: type.id,
        targetType: "customer",
        partnershipId: customer.partnershipId,
        customerId: customer.id,
        occurredAt: new Date(Date.now() - (n + 1) * 3_600_000),
        rewardCents: 700,
        rewardOutcome: {
          kind: "rewarded",
          rules: [{ ruleId: rule.id, outcome: "rewarded", amountCents: 700 }],
        },
      },
    });
    actions.push(action);
    await prisma.reward.create({
      data: {
        programId,
        partnershipId: customer.partnershipId,
        actionId: action.id,
        ruleId: rule.id,
        amountCents: 700,
        currency: program.currency,
      },
    });
  }
  // Saved views: one named with the marker (shown), one with a plain name a request may send.
  const views = [`View ${marker}`, `view_${letter}${tag}`];
  const savedViews = [];
  for (const name of views) {
    savedViews.push(
      await prisma.savedView.create({
        data: { programId, userId: manager.id, name, query: `name=${marker}` },
      }),
    );
  }
  // A note on the chart, with the marker (the tab shows it to the program's members only).
  const note = await prisma.annotation.create({
    data: {
      programId,
      day: new Date(`${new Date().toISOString().slice(0, 10)}T00:00:00Z`),
      text: `Note ${marker}`,
      authorUserId: manager.id,
      authorLabel: manager.name,
    },
  });
  // A share link of the second view: its token opens that view to anyone who holds it.
  const share = await prisma.shareLink.create({
    data: {
      programId,
      savedViewId: savedViews[1].id,
      token: randomBytes(32).toString("base64url"),
      createdBy: manager.id,
    },
  });
  // Two deliveries of the second view (one to send now, one to delete), due far in the future
  // (the crawl must not send them).
  const schedules = [];
  for (let i = 0; i < 2; i++) {
    schedules.push(
      await prisma.deliverySchedule.create({
        data: {
          programId,
          savedViewId: savedViews[1].id,
          createdBy: manager.id,
          frequency: "daily",
          timeOfDay: 540,
          file: "tab.pdf",
          channel: "email",
          recipients: [manager.email],
          nextRunAt: new Date("2100-01-01T14:00:00Z"),
        },
      }),
    );
  }
  // Two alerts on the second view (one to snooze, one to delete), first checked far in the future.
  const alerts = [];
  for (let i = 0; i < 2; i++) {
    alerts.push(
      await prisma.alert.create({
        data: {
          programId,
          savedViewId: savedViews[1].id,
          createdBy: manager.id,
          metric: "occurrences",
          per: "view",
          condition: "unusual",
          sensitivity: 3,
          frequency: "daily",
          channel: "email",
          recipients: [manager.email],
          nextCheckAt: new Date("2100-01-01T05:00:00Z"),
        },
      }),
    );
  }
  await prisma.ingestLog.create({
    data: {
      programId,
      method: "POST",
      path: "/api/v2/actions",
      status: 200,
      outcome: "accepted",
      message: `Recorded ${marker}`,
      actionKey: actions[0].key,
    },
  });
  const log = await prisma.ingestLog.findFirstOrThrow({ where: { programId } });
  // The audit log: an entry by the manager (their name carries the marker) and one by a command.
  const audit = [];
  for (const actor of [
    { actorUserId: manager.id, actorLabel: `${manager.name} <${manager.email}>` },
    { actorUserId: null, actorLabel: `npm run admin ${marker}` },
  ]) {
    audit.push(
      await prisma.auditEvent.create({
        data: {
          programId,
          ...actor,
          kind: "api_keys.created",
          summary: `Created live API key “Audit ${marker}”`,
          details: { label: `Audit ${marker}` },
        },
      }),
    );
  }
  const key = await createKey(prisma, programId, `Key ${marker}`);
  const revoked = await createKey(prisma, programId, `Revoked ${marker}`, new Date());
  // The key a PartnerStack connection to the program's own API uses (the crawl revokes `key`).
  const sourceKey = await createKey(prisma, programId, `Source ${marker}`);

  return {
    program,
    marker,
    manager,
    apiKey: key,
    revokedKey: revoked,
    sourceKey,
    partnerKeys: partnerships.map((p) => p.partnerKey),
    customerKeys: customers.map((c) => c.customerKey),
    actionKeys: actions.map((a) => a.key),
    groupKey: group.key,
    tagName: label.name,
    typeName: type.name,
    plainViewName: views[1],
    /** Where the share link of the second view opens. */
    sharePath: `/share/${programId}/${share.token}`,
    /** Numeric ids some URLs and forms carry (too short to search a body for). */
    ids: {
      partnerships: partnerships.map((p) => p.id),
      group: group.id,
      tag: label.id,
      manager: manager.id,
      rule: rule.id,
      views: savedViews.map((v) => v.id),
      schedules: schedules.map((s) => s.id),
      alerts: alerts.map((a) => a.id),
      apiKey: key.id,
      log: log.id,
      invitation: invitation.id,
      audit: audit.map((e) => e.id),
      annotation: note.id,
      shareLink: share.id,
    },
    /** What requests name (keys, slug): a leak when a response shows one the request did not send. */
    identifiers: [
      program.slug,
      manager.email,
      group.key,
      type.name,
      key.publicKey,
      revoked.publicKey,
      views[1],
      ...partnerships.map((p) => p.partnerKey),
      waiting.partnerKey,
      ...customers.map((c) => c.customerKey),
      ...actions.map((a) => a.key),
    ],
  };
}

export type CrawlProgram = Awaited<ReturnType<typeof seedCrawlProgram>>;

async function createKey(prisma: PrismaClient, programId: number, label: string, revokedAt?: Date) {
  const pair = generateApiKeyPair("test");
  const row = await prisma.apiKey.create({
    data: {
      programId,
      label,
      mode: "test",
      publicKey: pair.publicKey,
      secretHash: hashSecret(pair.secret),
      revokedAt,
    },
  });
  return {
    ...pair,
    id: row.id,
    basic: `Basic ${Buffer.from(`${pair.publicKey}:${pair.secret}`).toString("base64")}`,
    bearer: `Bearer ${pair.secret}`,
  };
}

/**
 * Programs A and B, both fully populated, and users of A only: an owner (the crawler signs in
 * as them, so no refusal is explained by a missing role) and a viewer.
 */
export async function seedIsolationWorld() {
  const { prisma } = await e2eDatabase();
  const a = await seedCrawlProgram(prisma, "a");
  const b = await seedCrawlProgram(prisma, "b");
  const owner = await createUser(prisma, { name: `Owner ${a.marker}` });
  await addMember(prisma, a.program.id, owner.id, "owner");
  const viewer = await createUser(prisma, { name: `Viewer ${a.marker}` });
  await addMember(prisma, a.program.id, viewer.id, "viewer");
  return { a, b, owner, viewer };
}

export type IsolationWorld = Awaited<ReturnType<typeof seedIsolationWorld>>;

/**
 * Everything stored for a program except its API log (a refused key is logged under the key's
 * program) and key usage times: compared before and after the crawl, so no write got through.
 */
export async function programSnapshot(programId: number): Promise<unknown> {
  const { prisma } = await e2eDatabase();
  const where = { programId };
  const tables = await Promise.all([
    prisma.program.findUnique({ where: { id: programId } }),
    prisma.membership.findMany({ where, orderBy: { userId: "asc" } }),
    prisma.group.findMany({ where, orderBy: { id: "asc" } }),
    prisma.tag.findMany({ where, orderBy: { id: "asc" } }),
    prisma.auditEvent.findMany({ where, orderBy: { id: "asc" } }),
    prisma.partnership.findMany({ where, orderBy: { id: "asc" } }),
    prisma.partnershipTag.findMany({
      where,
      orderBy: [{ partnershipId: "asc" }, { tagId: "asc" }],
    }),
    prisma.customer.findMany({ where, orderBy: { id: "asc" } }),
    prisma.actionType.findMany({ where, orderBy: { id: "asc" } }),
    prisma.action.findMany({ where, orderBy: { id: "asc" } }),
    prisma.rewardRule.findMany({ where, orderBy: { id: "asc" } }),
    prisma.reward.findMany({ where, orderBy: { id: "asc" } }),
    prisma.apiKey.findMany({ where, orderBy: { id: "asc" }, omit: { lastUsedAt: true } }),
    prisma.savedView.findMany({ where, orderBy: { id: "asc" } }),
    prisma.deliverySchedule.findMany({ where, orderBy: { id: "asc" } }),
    prisma.delivery.findMany({ where, orderBy: { id: "asc" } }),
    prisma.partnerStackConnection.findMany({ where }),
    prisma.partnerStackImport.findMany({ where, orderBy: { id: "asc" } }),
    prisma.invitation.findMany({ where, orderBy: { id: "asc" } }),
    prisma.auditEvent.findMany({ where, orderBy: { id: "asc" } }),
    prisma.programSlugRedirect.findMany({ where, orderBy: { oldSlug: "asc" } }),
    prisma.annotation.findMany({ where, orderBy: { id: "asc" } }),
    prisma.shareLink.findMany({ where, orderBy: { id: "asc" } }),
    prisma.alert.findMany({ where, orderBy: { id: "asc" } }),
    prisma.alertEpisode.findMany({ where, orderBy: [{ alertId: "asc" }, { key: "asc" }] }),
  ]);
  // Plain JSON values (bigints as text), so toEqual shows which rows differ.
  return JSON.parse(
    JSON.stringify(tables, (_, v: unknown) => (typeof v === "bigint" ? String(v) : v)),
  ) as unknown;
}
