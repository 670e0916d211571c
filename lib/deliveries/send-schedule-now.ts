import "server-only";
import type { PrismaClient } from "../generated/prisma/client";
import type { Role } from "../programs/roles";
import { checkScheduleChange } from "./check-schedule-change";
import { requestDelivery } from "./request-delivery";
import { NO_SCHEDULE, scheduleRefusal, type ScheduleRefusal } from "./schedule-refusal";

/** "Send now" of a schedule, by its creator, an owner or a manager; once while one is underway. */
export async function sendScheduleNow(
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
  const asked = await requestDelivery(prisma, programId, id, actor.user);
  if (asked === "missing") return NO_SCHEDULE;
  if (asked === "busy") {
    return scheduleRefusal(
      409,
      "id",
      "This schedule's last “Send now” is still on its way: see the log.",
    );
  }
  return { ok: true };
}
