import "server-only";
import { recordAudit } from "../audit/record-audit";
import type { PrismaClient } from "../generated/prisma/client";
import type { Role } from "../programs/roles";
import { refuseChannel } from "../deliveries/refuse-channel";
import { scheduleRefusal, type ScheduleRefusal } from "../deliveries/schedule-refusal";
import { newSealedWebhookSecret } from "../deliveries/webhook-secret";
import { loadTabState } from "../stats/url/load-tab-state";
import { nextCheckAfter } from "./alert-periods";
import { viewCountsType } from "./measure";
import type { AlertInput } from "./alert-input";
import { alertSentence } from "./alert-words";

const NO_VIEW = scheduleRefusal(404, "savedViewId", "No such saved view in this program.");

/**
 * A new alert on one of the program's saved views, by a member of `role`, if the program's rules
 * allow where it goes (as deliveries: refuseChannel). Its first check is the next hour or local
 * midnight after `now`. Audited with its rule in words.
 */
export async function createAlert(
  prisma: PrismaClient,
  program: { id: number; timezone: string; currency: string },
  actor: { role: Role; user: { id: number; name: string; email: string } },
  input: AlertInput,
  now = Date.now(),
): Promise<{ ok: true; id: number; nextCheckAt: Date } | ScheduleRefusal> {
  const [view, type] = await Promise.all([
    prisma.savedView.findUnique({
      where: { programId_id: { programId: program.id, id: input.savedViewId } },
      select: { name: true, query: true },
    }),
    input.metric === "type"
      ? prisma.actionType.findUnique({
          where: { programId_id: { programId: program.id, id: input.actionTypeId! } },
          select: { name: true },
        })
      : null,
  ]);
  if (!view) return NO_VIEW;
  if (input.metric === "type" && !type) {
    return scheduleRefusal(404, "actionTypeId", "No such action type in this program.");
  }
  const { filters } = loadTabState(Object.fromEntries(new URLSearchParams(view.query)));
  if (input.metric === "type" && !viewCountsType(filters, input.actionTypeId!)) {
    return scheduleRefusal(
      422,
      "actionTypeId",
      `“${view.name}” leaves ${type!.name} out (its action type filter): choose a type the view counts.`,
    );
  }
  const refused = await refuseChannel(prisma, program.id, actor.role, input);
  if (refused) return refused;
  const webhook = input.channel === "webhook";
  const rule = {
    metric: input.metric,
    actionTypeId: input.metric === "type" ? input.actionTypeId! : null,
    per: input.per,
    condition: input.condition,
    threshold: input.condition === "unusual" ? null : input.threshold!,
    sensitivity: input.condition === "unusual" ? input.sensitivity! : null,
    frequency: input.frequency,
  };
  const sentence = alertSentence({ ...rule, actionTypeName: type?.name }, program.currency);
  const nextCheckAt = new Date(nextCheckAfter(input.frequency, now, program.timezone));
  try {
    const id = await prisma.$transaction(async (tx) => {
      const alert = await tx.alert.create({
        data: {
          programId: program.id,
          savedViewId: input.savedViewId,
          createdBy: actor.user.id,
          ...rule,
          channel: input.channel,
          recipients: webhook ? [] : input.recipients,
          webhookUrl: webhook ? input.webhookUrl : null,
          webhookSecret: webhook ? newSealedWebhookSecret() : null,
          nextCheckAt,
        },
      });
      await recordAudit(tx, {
        programId: program.id,
        actor: actor.user,
        kind: "alerts.created",
        summary: `Alert on “${view.name}”: ${sentence}, by ${input.channel}`,
        details: {
          alertId: alert.id,
          savedViewId: input.savedViewId,
          ...rule,
          channel: input.channel,
          ...(webhook
            ? { webhookHost: new URL(input.webhookUrl!).host }
            : { recipients: input.recipients }),
        },
      });
      return alert.id;
    });
    return { ok: true, id, nextCheckAt };
  } catch (e) {
    // The view was deleted meanwhile: its foreign key refuses the alert (P2003).
    if ((e as { code?: string }).code === "P2003") return NO_VIEW;
    throw e;
  }
}
