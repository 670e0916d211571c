import "server-only";
import type { PrismaClient } from "../generated/prisma/client";
import { IMPORT_RESOURCES, PAGE_TRANSACTION } from "./import-resources";
import type { partnerStackClient } from "./partnerstack-client";

type Client = ReturnType<typeof partnerStackClient>;

/** Changes are asked for from a little before the last pull's start: clocks and commits lag. */
const OVERLAP_MS = 5 * 60_000;
/** The resources whose lists take `min_updated` (partner and customer changes, and actions). */
const PULLED = ["partnerships", "customers", "actions"];

/**
 * The incremental pull that catches webhooks PartnerStack never delivered: partnerships,
 * customers and actions updated since the last pull (or the last import's start), stored as the
 * import stores them. Returns how many were read and how many changed something. Once `signal`
 * aborts it stops after the page it is storing (throwing its reason), the last pull's point kept.
 */
export async function syncProgram(
  prisma: PrismaClient,
  programId: number,
  client: Client,
  now = new Date(),
  signal?: AbortSignal,
) {
  const connection = await prisma.partnerStackConnection.findUniqueOrThrow({
    where: { programId },
  });
  const lastImport = await prisma.partnerStackImport.findFirst({
    where: { programId, status: "done" },
    orderBy: { id: "desc" },
  });
  const from = connection.syncedThrough ?? lastImport?.startedAt;
  if (!from) return { fetched: 0, stored: 0, skipped: 0 };
  const program = await prisma.program.findUniqueOrThrow({
    where: { id: programId },
    select: { id: true, currency: true },
  });
  const totals = { fetched: 0, stored: 0, skipped: 0 };
  for (const resource of IMPORT_RESOURCES.filter((r) => PULLED.includes(r.name))) {
    await client.listAll(resource.path, resource.item, {
      query: { ...resource.query, min_updated: from.getTime() - OVERLAP_MS },
      onPage: async (items) => {
        const page = await prisma.$transaction(
          (tx) => resource.store(tx, program, items),
          PAGE_TRANSACTION,
        );
        totals.fetched += items.length;
        totals.stored += page.stored;
        totals.skipped += page.skipped;
        signal?.throwIfAborted();
      },
    });
  }
  await prisma.partnerStackConnection.update({
    where: { programId },
    data: { syncedThrough: now, syncedAt: new Date(), syncError: null },
  });
  return totals;
}
