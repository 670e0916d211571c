import "server-only";
import { updateKeyedRecord } from "../api/keyed-record";
import type { UpdatePartnershipInput } from "../schemas/partnerships";
import type { AuditActor } from "../audit/record-audit";
import type { Prisma, PrismaClient } from "../generated/prisma/client";
import { partnershipRecord } from "./partnership-record";
import { resolvePartnershipRefs } from "./resolve-partnership-refs";

/** Changes only the fields sent; `tags` replaces the set; `archived` archives or restores. */
export async function updatePartnership(
  prisma: PrismaClient,
  programId: number,
  partnerKey: string,
  input: UpdatePartnershipInput,
  actor: AuditActor,
) {
  return updateKeyedRecord(
    prisma,
    partnershipRecord,
    programId,
    partnerKey,
    async (tx, current) => {
      const refs = await resolvePartnershipRefs(tx, programId, input, actor, {
        partnershipId: current.id,
      });
      const data: Prisma.PartnershipUncheckedUpdateInput = { updatedAt: new Date() };
      if (input.email !== undefined) data.email = input.email.toLowerCase();
      if (input.first_name !== undefined) data.firstName = input.first_name;
      if (input.last_name !== undefined) data.lastName = input.last_name;
      if (refs.groupId !== undefined) data.groupId = refs.groupId;
      if (refs.managerUserId !== undefined) data.managerUserId = refs.managerUserId;
      if (input.is_marketplace !== undefined) data.isMarketplace = input.is_marketplace;
      if (input.joined_at !== undefined) data.joinedAt = new Date(input.joined_at);
      if (input.archived !== undefined)
        data.archivedAt = input.archived ? (current.archivedAt ?? new Date()) : null;
      await tx.partnership.update({
        where: { programId_partnerKey: { programId, partnerKey } },
        data,
      });
      if (refs.tagIds !== undefined) {
        await tx.partnershipTag.deleteMany({ where: { programId, partnershipId: current.id } });
        await tx.partnershipTag.createMany({
          data: refs.tagIds.map((tagId) => ({ programId, partnershipId: current.id, tagId })),
        });
      }
    },
  );
}
