import "server-only";
import type { PrismaClient } from "../generated/prisma/client";
import type { Role } from "../programs/roles";
import { checkScheduleChange } from "./check-schedule-change";
import { deleteSchedule } from "./delete-schedule";
import type { ScheduleRefusal } from "./schedule-refusal";

/** Deletes a schedule and its log, for its creator, an owner or a manager. */
export async function removeSchedule(
  prisma: PrismaClient,
  programId: number,
  actor: { role: Role; user: { id: number; name: string; email: string } },
  id: number,
): Promise<{ ok: true } | ScheduleRefusal> {
  const refused = await checkScheduleChange(
    prisma,
    programId,
    { ...actor, userId: actor.user.id },
    id,
  );
  if (refused) return refused;
  await deleteSchedule(prisma, programId, id, actor.user);
  return { ok: true };
}
