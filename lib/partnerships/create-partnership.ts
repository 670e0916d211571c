import "server-only";
import type { PrismaClient } from "../generated/prisma/client";
import { createKeyedRecord } from "../api/keyed-record";
import type { CreatePartnershipInput } from "../schemas/partnerships";
import type { AuditActor } from "../audit/record-audit";
import { partnershipRecord } from "./partnership-record";
import { resolvePartnershipRefs } from "./resolve-partnership-refs";

export async function createPartnership(
  prisma: PrismaClient,
  programId: number,
  input: CreatePartnershipInput,
  actor: AuditActor,
) {
  return createKeyedRecord(prisma, partnershipRecord, programId, input.partner_key, async (tx) => {
    const refs = await resolvePartnershipRefs(tx, programId, input, actor);
    const created = await tx.partnership.create({
      data: {
        programId,
        partnerKey: input.partner_key,
        email: input.email.toLowerCase(),
        firstName: input.first_name,
        lastName: input.last_name,
        groupId: refs.groupId!,
        managerUserId: refs.managerUserId ?? null,
        isMarketplace: input.is_marketplace ?? false,
        joinedAt: input.joined_at === undefined ? new Date() : new Date(input.joined_at),
      },
    });
    if (refs.tagIds?.length) {
      await tx.partnershipTag.createMany({
        data: refs.tagIds.map((tagId) => ({ programId, partnershipId: created.id, tagId })),
      });
    }
  });
}
