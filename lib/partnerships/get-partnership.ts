import "server-only";
import { fieldNotFound } from "../api/api-error";
import type { Prisma, PrismaClient } from "../generated/prisma/client";
import { PARTNERSHIP_SELECT, toPartnershipOutput, type PartnershipRow } from "./partnership-record";

export async function getPartnership(
  db: PrismaClient | Prisma.TransactionClient,
  programId: number,
  partnerKey: string,
) {
  const [row] = await db.$queryRaw<PartnershipRow[]>`${PARTNERSHIP_SELECT}
    WHERE p.program_id = ${programId} AND p.partner_key = ${partnerKey}`;
  if (!row) throw fieldNotFound("partner_key", partnerKey, "partnership");
  return toPartnershipOutput(row);
}
