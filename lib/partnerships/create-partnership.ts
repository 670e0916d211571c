import "server-only";
import type { PrismaClient } from "../generated/prisma/client";
import { ApiError } from "../api/api-error";
import type { CreatePartnershipInput } from "../api/schemas/partnerships";
import { isUniqueViolation } from "../api/unique-violation";
import { getPartnership } from "./get-partnership";
import { resolvePartnershipRefs } from "./resolve-partnership-refs";

function duplicate(key: string) {
  return new ApiError(409, `A partnership with partner_key "${key}" already exists.`, [
    { field: "partner_key", message: `"${key}" is already used` },
  ]);
}

export async function createPartnership(
  prisma: PrismaClient,
  programId: number,
  input: CreatePartnershipInput,
) {
  try {
    return await prisma.$transaction(async (tx) => {
      const exists = await tx.partnership.findUnique({
        where: { programId_partnerKey: { programId, partnerKey: input.partner_key } },
        select: { id: true },
      });
      if (exists) throw duplicate(input.partner_key);
      const refs = await resolvePartnershipRefs(tx, programId, input);
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
      return getPartnership(tx, programId, input.partner_key);
    });
  } catch (error) {
    if (isUniqueViolation(error)) throw duplicate(input.partner_key);
    throw error;
  }
}
