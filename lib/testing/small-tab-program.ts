import type { PrismaClient } from "../generated/prisma/client";
import { createProgram } from "./factories";

/**
 * A small program for route-level tests (seedTabProgram is for the numbers): one group, two
 * partners, one action type and a few actions each received at its occurrence time, one of them
 * archived. Returns what was written.
 */
export async function seedSmallTabProgram(prisma: PrismaClient) {
  const program = await createProgram(prisma, { timezone: "America/New_York" });
  const programId = program.id;
  const group = await prisma.group.create({
    data: { programId, key: "default", name: "Default", slug: "default" },
  });
  const partners = await Promise.all(
    [
      ["ada", "Ada", "Lovelace"],
      ["alan", "Alan", "Turing"],
    ].map(([partnerKey, firstName, lastName]) =>
      prisma.partnership.create({
        data: {
          programId,
          partnerKey,
          firstName,
          lastName,
          email: `${partnerKey}@mail.test`,
          groupId: group.id,
        },
      }),
    ),
  );
  const type = await prisma.actionType.create({ data: { programId, name: "signup" } });
  const actions = [
    { key: "a1", partner: partners[0], at: "2026-03-01T12:00:00Z", archived: false },
    { key: "a2", partner: partners[0], at: "2026-03-02T12:00:00Z", archived: false },
    { key: "a3", partner: partners[1], at: "2026-03-03T12:00:00Z", archived: false },
    { key: "a4", partner: partners[1], at: "2026-03-04T12:00:00Z", archived: true },
  ];
  for (const a of actions) {
    await prisma.action.create({
      data: {
        programId,
        key: a.key,
        actionTypeId: type.id,
        targetType: "partnership",
        partnershipId: a.partner.id,
        occurredAt: new Date(a.at),
        createdAt: new Date(a.at),
        archivedAt: a.archived ? new Date(a.at) : null,
      },
    });
  }
  return { program, group, partners, type, actions };
}
