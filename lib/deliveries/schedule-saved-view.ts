import "server-only";
import type { PrismaClient } from "../generated/prisma/client";
import type { Role } from "../programs/roles";
import { createSchedule } from "./create-schedule";
import { refuseChannel } from "./refuse-channel";
import type { ScheduleInput } from "./schedule-input";
import { scheduleRefusal, type ScheduleRefusal } from "./schedule-refusal";

const NO_VIEW = scheduleRefusal(404, "savedViewId", "No such saved view in this program.");

/**
 * A new schedule of one of the program's saved views, by a member of `role`, if the program's
 * rules allow where it goes (refuseChannel).
 */
export async function scheduleSavedView(
  prisma: PrismaClient,
  program: { id: number; timezone: string },
  actor: { role: Role; user: { id: number; name: string; email: string } },
  input: ScheduleInput,
): Promise<{ ok: true; nextRunAt: Date } | ScheduleRefusal> {
  const view = await prisma.savedView.findUnique({
    where: { programId_id: { programId: program.id, id: input.savedViewId } },
    select: { id: true },
  });
  if (!view) return NO_VIEW;
  const refused = await refuseChannel(prisma, program.id, actor.role, input);
  if (refused) return refused;
  // The view may be deleted meanwhile: its foreign key refuses the schedule (P2003).
  const created = await createSchedule(prisma, program, actor.user, input).catch((e: unknown) => {
    if ((e as { code?: string }).code === "P2003") return null;
    throw e;
  });
  return created ? { ok: true, nextRunAt: created.nextRunAt } : NO_VIEW;
}
