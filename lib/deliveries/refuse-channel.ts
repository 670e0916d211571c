import "server-only";
import type { PrismaClient } from "../generated/prisma/client";
import { canDeliverOutside, type Role } from "../programs/roles";
import { privateHostOf, privateWebhooksAllowed } from "../security/private-address";
import { ENCRYPTION_KEY_VARIABLE, encryptionKeyFrom } from "../security/sealed-secret";
import { refusedRecipient } from "./check-recipients";
import { loadRecipientRules } from "./load-recipient-rules";
import { scheduleRefusal, type ScheduleRefusal } from "./schedule-refusal";

/**
 * Whether the program's rules refuse where a member of `role` wants its data sent (a schedule's
 * or an alert's): every member may send to members; owners and managers also to a webhook or to
 * addresses of the allowed outside domains; a webhook goes to a host on the internet and needs
 * the server's encryption key (its signing secret is stored sealed). Null: allowed.
 */
export async function refuseChannel(
  prisma: PrismaClient,
  programId: number,
  role: Role,
  input: { channel: "email" | "webhook"; recipients: string[]; webhookUrl?: string },
): Promise<ScheduleRefusal | null> {
  if (input.channel === "webhook" && !canDeliverOutside(role)) {
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
      ...(await loadRecipientRules(prisma, programId)),
      role,
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
  return null;
}
