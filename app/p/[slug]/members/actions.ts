"use server";

import { revalidatePath } from "next/cache";
import { z } from "zod";
import { emailAddress } from "@/lib/validation/fields";
import { refused, type FormResult } from "@/lib/forms/form-result";
import { formRowId } from "@/lib/forms/form-row-id";
import { createInvitation } from "@/lib/invitations/create-invitation";
import { deliverInvitation } from "@/lib/invitations/deliver-invitation";
import { resendInvitation } from "@/lib/invitations/resend-invitation";
import { revokeInvitation } from "@/lib/invitations/revoke-invitation";
import { formFields, programAction } from "@/lib/programs/program-action";
import { canManageMembers } from "@/lib/programs/roles";
import { setMemberRole } from "@/lib/programs/set-member-role";

export type InviteState = FormResult<{
  status: "invited";
  email: string;
  mailed: boolean;
  link: string;
  mailError?: string;
}>;

/** A change to a member or an invitation; `link` is a new invitation link that was not mailed. */
export type MemberChangeResult = FormResult<{ status: "saved"; message: string; link?: string }>;

const REFUSAL = "Only program owners can manage members and invitations.";
const NO_INVITATION = "No such invitation in this program.";
const NOT_OPEN = "This invitation is no longer open.";
const ROLE = z.enum(["owner", "manager", "viewer"], { message: "Choose owner, manager or viewer" });

export const inviteMemberAction = programAction({
  allow: canManageMembers,
  refusal: REFUSAL,
  input: (_prev: InviteState, form: FormData) => formFields(form, ["email", "role"]),
  schema: z.object({
    email: z.string("Enter an email address").trim().toLowerCase().pipe(emailAddress),
    role: ROLE,
  }),
  async run({ program, user, slug, prisma }, { email, role }): Promise<InviteState> {
    const made = await createInvitation(prisma, {
      programId: program.id,
      email,
      role,
      actor: user,
    });
    if (!made.ok) return refused(made.message, { field: made.field });
    const sent = await deliverInvitation({
      to: email,
      programName: program.name,
      inviter: user.name,
      role,
      token: made.token,
    });
    revalidatePath(`/p/${slug}/members`);
    return { status: "invited", email, ...sent };
  },
});

export const resendInvitationAction = programAction({
  allow: canManageMembers,
  refusal: REFUSAL,
  input: (form: FormData) => formFields(form, ["id"]),
  schema: z.object({ id: formRowId }),
  invalid: () => refused(NO_INVITATION),
  async run({ program, user, slug, prisma }, { id }): Promise<MemberChangeResult> {
    const resent = await resendInvitation(prisma, program.id, id, user);
    if (!resent) return refused(NOT_OPEN);
    const sent = await deliverInvitation({
      to: resent.email,
      programName: program.name,
      inviter: user.name,
      role: resent.role,
      token: resent.token,
    });
    revalidatePath(`/p/${slug}/members`);
    return sent.mailed
      ? { status: "saved", message: `Sent a new link to ${resent.email}.` }
      : {
          status: "saved",
          message: `New link for ${resent.email} (not mailed${sent.mailError ? `: ${sent.mailError}` : ""}):`,
          link: sent.link,
        };
  },
});

export const revokeInvitationAction = programAction({
  allow: canManageMembers,
  refusal: REFUSAL,
  input: (form: FormData) => formFields(form, ["id"]),
  schema: z.object({ id: formRowId }),
  invalid: () => refused(NO_INVITATION),
  async run({ program, user, slug, prisma }, { id }): Promise<MemberChangeResult> {
    if (!(await revokeInvitation(prisma, program.id, id, user))) return refused(NOT_OPEN);
    revalidatePath(`/p/${slug}/members`);
    return { status: "saved", message: "Invitation revoked." };
  },
});

export const changeMemberRoleAction = programAction({
  allow: canManageMembers,
  refusal: REFUSAL,
  // The row's Remove button submits `intent=remove` beside the role select's value.
  input: (form: FormData) => {
    const fields = formFields(form, ["userId", "role", "intent"]);
    return { ...fields, role: fields.intent === "remove" ? "removed" : fields.role };
  },
  schema: z.object({
    userId: formRowId,
    role: z.enum(["owner", "manager", "viewer", "removed"], {
      message: "Choose a role, or remove",
    }),
  }),
  async run({ program, user, slug, prisma }, { userId, role }): Promise<MemberChangeResult> {
    const next = role === "removed" ? null : role;
    const done = await setMemberRole(prisma, program.id, userId, next, user);
    if (!done.ok) {
      return refused(
        done.field === "member" ? "Not a member of this program." : `This member ${done.message}.`,
      );
    }
    revalidatePath(`/p/${slug}/members`);
    return {
      status: "saved",
      message: next ? `Role changed to ${next}.` : "Removed from the program.",
    };
  },
});
