"use server";

import { revalidatePath } from "next/cache";
import { z } from "zod";
import { emailAddress } from "@/lib/validation/fields";
import { formRowId } from "@/lib/forms/form-row-id";
import { createInvitation } from "@/lib/invitations/create-invitation";
import { resendInvitation } from "@/lib/invitations/resend-invitation";
import { revokeInvitation } from "@/lib/invitations/revoke-invitation";
import { sendInvitationEmail } from "@/lib/invitations/send-invitation-email";
import { mailSettingsFromEnv } from "@/lib/mail/mail-settings";
import { formFields, programAction } from "@/lib/programs/program-action";
import { canManageMembers } from "@/lib/programs/roles";
import { setMemberRole } from "@/lib/programs/set-member-role";

export type InviteState =
  | { status: "idle" }
  | { status: "error"; field?: "email" | "role"; message: string; email?: string }
  | { status: "invited"; email: string; mailed: boolean; link: string; mailError?: string };

export type MemberChangeResult = { error?: string; done?: string; link?: string };

const REFUSAL = "Only program owners can manage members and invitations.";
const ROLE = z.enum(["owner", "manager", "viewer"], { message: "Choose owner, manager or viewer" });

/** Mails the link (or hands it to the owner when the server has no mail). */
async function deliver(invite: {
  to: string;
  programName: string;
  inviter: string;
  role: string;
  token: string;
}): Promise<{ mailed: boolean; link: string; mailError?: string }> {
  const mail = mailSettingsFromEnv();
  try {
    return await sendInvitationEmail(mail, invite);
  } catch (error) {
    console.error(`Invitation email to ${invite.to} failed: ${(error as Error).message}`);
    const { link } = await sendInvitationEmail({ ...mail, mailer: null }, invite);
    return { mailed: false, link, mailError: "The mail server refused the message." };
  }
}

export const inviteMemberAction = programAction({
  allow: canManageMembers,
  refusal: REFUSAL,
  input: (_prev: InviteState, form: FormData) => formFields(form, ["email", "role"]),
  schema: z.object({
    email: z.string("Enter an email address").trim().toLowerCase().pipe(emailAddress),
    role: ROLE,
  }),
  refused: (message): InviteState => ({ status: "error", message }),
  invalid: (error, input): InviteState => ({
    status: "error",
    field: error.issues[0].path[0] === "role" ? "role" : "email",
    message: error.issues[0].message,
    email: String((input as { email?: unknown }).email ?? ""),
  }),
  async run({ program, user, slug, prisma }, { email, role }): Promise<InviteState> {
    const made = await createInvitation(prisma, {
      programId: program.id,
      email,
      role,
      actor: user,
    });
    if (!made.ok) return { status: "error", field: made.field, message: made.message, email };
    const sent = await deliver({
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
  refused: (error): MemberChangeResult => ({ error }),
  invalid: (): MemberChangeResult => ({ error: "No such invitation in this program." }),
  async run({ program, user, slug, prisma }, { id }): Promise<MemberChangeResult> {
    const resent = await resendInvitation(prisma, program.id, id, user);
    if (!resent) return { error: "This invitation is no longer open." };
    const sent = await deliver({
      to: resent.email,
      programName: program.name,
      inviter: user.name,
      role: resent.role,
      token: resent.token,
    });
    revalidatePath(`/p/${slug}/members`);
    return sent.mailed
      ? { done: `Sent a new link to ${resent.email}.` }
      : {
          done: `New link for ${resent.email} (not mailed${sent.mailError ? `: ${sent.mailError}` : ""}):`,
          link: sent.link,
        };
  },
});

export const revokeInvitationAction = programAction({
  allow: canManageMembers,
  refusal: REFUSAL,
  input: (form: FormData) => formFields(form, ["id"]),
  schema: z.object({ id: formRowId }),
  refused: (error): MemberChangeResult => ({ error }),
  invalid: (): MemberChangeResult => ({ error: "No such invitation in this program." }),
  async run({ program, user, slug, prisma }, { id }): Promise<MemberChangeResult> {
    if (!(await revokeInvitation(prisma, program.id, id, user))) {
      return { error: "This invitation is no longer open." };
    }
    revalidatePath(`/p/${slug}/members`);
    return { done: "Invitation revoked." };
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
  refused: (error): MemberChangeResult => ({ error }),
  invalid: (error): MemberChangeResult => ({ error: error.issues[0].message }),
  async run({ program, user, slug, prisma }, { userId, role }): Promise<MemberChangeResult> {
    const next = role === "removed" ? null : role;
    const done = await setMemberRole(prisma, program.id, userId, next, user);
    if (!done.ok) {
      return {
        error:
          done.field === "member"
            ? "Not a member of this program."
            : `This member ${done.message}.`,
      };
    }
    revalidatePath(`/p/${slug}/members`);
    return { done: next ? `Role changed to ${next}.` : "Removed from the program." };
  },
});
