import type { OpenDatabase } from "@/lib/db/open";
import { seedApiProgram } from "@/lib/testing/api-fixture";
import { callRoute } from "@/lib/testing/call-route";
import * as batchRoute from "../actions/batch/route";

/**
 * The API program plus what batch tests need besides: an archived partnership with a customer,
 * an archived customer of an active partnership, and a type whose per-unit rule can overflow.
 */
export async function seedBatchProgram(db: OpenDatabase) {
  const { prisma } = db;
  const f = await seedApiProgram(prisma);
  const programId = f.program.id;
  const archived = await prisma.partnership.create({
    data: {
      programId,
      partnerKey: "ptn_archived",
      firstName: "Old",
      lastName: "Partner",
      email: "old@partners.test",
      groupId: f.groups.affiliates.id,
      archivedAt: new Date(),
    },
  });
  await prisma.customer.create({
    data: { programId, customerKey: "cus_of_archived", partnershipId: archived.id },
  });
  await prisma.customer.create({
    data: {
      programId,
      customerKey: "cus_archived",
      partnershipId: f.partnerships.alice.id,
      archivedAt: new Date(),
    },
  });
  const bigSale = await prisma.actionType.create({ data: { programId, name: "big_sale" } });
  await prisma.rewardRule.create({
    data: {
      programId,
      name: "Per unit",
      actionTypeId: bigSale.id,
      amountCents: 100_000,
      multiplyByValue: true,
    },
  });
  const postBatch = (actions: unknown[]) =>
    callRoute(batchRoute.POST.on(db), "POST", "/api/v2/actions/batch", {
      auth: f.basic,
      body: { actions },
    });
  return { ...f, postBatch };
}
