import "server-only";
import type { PrismaClient } from "../generated/prisma/client";
import { canDeliverOutside, type Role } from "../programs/roles";
import { privateHostOf, privateWebhooksAllowed } from "../security/private-address";
import { ENCRYPTION_KEY_VARIABLE, encryptionKeyFrom } from "../security/sealed-secret";
import { refusedRecipient } from "./check-recipients";
import { createSchedule } from "./create-schedule";
import { loadRecipientRules } from "./load-recipient-rules";
import type { ScheduleInput } from "./schedule-input";
import { scheduleRefusal, type ScheduleRefusal } from "./schedule-refusal";

const NO_VIEW = scheduleRefusal(404, "savedViewId", "No such saved view in this program.");

/**
 * A new schedule of one of the program's saved views, by a member of `role`, if the program's
 * rules allow it: every member may deliver to members; owners and managers also to a webhook or
 * to addresses of the allowed outside domains; a webhook goes to a host on the internet and needs
 * the server's encryption key (its signing secret is stored sealed).
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
  if (input.channel === "webhook" && !canDeliverOutside(actor.role)) {
    return scheduleRefusal(403, "channel", "Only owners and managers can deliver to a webhook.");
  }
  const privateHost = input.webhookUrl && privateHostOf(input.webhookUrl);
  if (input.channel === "webhook" && privateHost && !privateWebhooksAllowed()) {
    return scheduleRefusal(
      422,
      "webhookUrl",
      `${privateHost} is a private address: webhooks go to hosts on the internet.`,
    );
  }
  if (input.channel === "email") {
    const refused = refusedRecipient(input.recipients, {
      ...(await loadRecipientRules(prisma, program.id)),
      role: actor.role,
    });
    if (refused) return scheduleRefusal(422, "recipients", refused);
  }
  if (input.channel === "webhook" && !encryptionKeyFrom()) {
    return scheduleRefusal(
      422,
      "channel",
      `${ENCRYPTION_KEY_VARIABLE} is not set on this server: a webhook's signing secret is stored encrypted. Ask an administrator to set it, or deliver by email.`,
    );
  }
  // The view may be deleted meanwhile: its foreign key refuses the schedule (P2003).
  const created = await createSchedule(prisma, program, actor.user, input).catch((e: unknown) => {
    if ((e as { code?: string }).code === "P2003") return null;
    throw e;
  });
  return created ? { ok: true, nextRunAt: created.nextRunAt } : NO_VIEW;
}
