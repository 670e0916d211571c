"use server";

import { revalidatePath } from "next/cache";
import { z } from "zod";
import { refused, type FormResult } from "@/lib/forms/form-result";
import { deliverInvitation } from "@/lib/invitations/deliver-invitation";
import { inviteWaitingManagers } from "@/lib/partnerstack/invite-waiting-managers";
import { programAction } from "@/lib/programs/program-action";
import { canManageMembers } from "@/lib/programs/roles";

export type InviteManagersResult = FormResult<{
  status: "saved";
  message: string;
  /** Links to pass on by hand when they could not be mailed. */
  links?: { email: string; link: string }[];
}>;

/** Invites every manager the PartnerStack source named who is not a member, as manager. */
export const inviteWaitingManagersAction = programAction({
  allow: canManageMembers,
  refusal: "Only program owners can invite people.",
  schema: z.unknown(),
  invalid: () => refused("Could not read the request."),
  async run({ program, user, slug, prisma }): Promise<InviteManagersResult> {
    const { invited, alreadyInvited, assigned } = await inviteWaitingManagers(
      prisma,
      program.id,
      user,
    );
    const links: { email: string; link: string }[] = [];
    let mailed = 0;
    for (const invite of invited) {
      const sent = await deliverInvitation({
        to: invite.email,
        programName: program.name,
        inviter: user.name,
        role: "manager",
        token: invite.token,
      });
      if (sent.mailed) mailed++;
      else links.push({ email: invite.email, link: sent.link });
    }
    revalidatePath(`/p/${slug}/partnerstack`);
    revalidatePath(`/p/${slug}/members`);
    const parts = [
      `Invited ${invited.length} manager${invited.length === 1 ? "" : "s"}${invited.length ? ` (${mailed} by email)` : ""}`,
      alreadyInvited ? `${alreadyInvited} had an invitation already` : "",
      assigned ? `${assigned} partnerships assigned to members` : "",
    ].filter(Boolean);
    return {
      status: "saved",
      message: `${parts.join("; ")}.`,
      links: links.length ? links : undefined,
    };
  },
});
