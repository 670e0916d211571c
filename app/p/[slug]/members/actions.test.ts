// The Members page's actions as the app runs them (issue 24): owners invite (mailed through the
// deliveries' SMTP settings, or the link handed back without mail), resend, revoke, change roles
// and remove; managers and viewers are refused and change nothing; another program's members and
// invitations are out of reach; the last owner stays.
import { afterAll, beforeAll, describe, expect, inject, it, vi } from "vitest";
import { createInvitation } from "@/lib/invitations/create-invitation";
import { createMember, createProgram } from "@/lib/testing/factories";
import { formData, signedIn } from "@/lib/testing/signed-in";
import { startSmtpSink, type SmtpSink } from "@/lib/testing/smtp-sink";
import { createTestDatabase, type TestDatabase } from "@/lib/testing/test-database";
import {
  changeMemberRoleAction,
  inviteMemberAction,
  resendInvitationAction,
  revokeInvitationAction,
} from "./actions";

const session = signedIn;
const unique = () => Math.random().toString(36).slice(2, 8);
const idle = { status: "idle" } as const;

describe.each(inject("engines"))("members and invitations, on %s", (engine) => {
  let db: TestDatabase;
  let sink: SmtpSink;
  beforeAll(async () => {
    db = await createTestDatabase(engine);
    sink = await startSmtpSink();
    vi.stubEnv("NEXTAUTH_URL", "https://ab.example.test");
  });
  afterAll(async () => {
    vi.unstubAllEnvs();
    await sink.close();
    await db.close();
  });

  it("an owner invites by email; the message holds a link that opens the invitation", async () => {
    vi.stubEnv("SMTP_URL", sink.url);
    const program = await createProgram(db.prisma);
    session.user = await createMember(db.prisma, program.id, "owner");
    const email = `ivy-${unique()}@example.test`;
    const state = await inviteMemberAction.on(db)(
      program.slug,
      idle,
      formData({ email, role: "manager" }),
    );
    expect(state).toMatchObject({ status: "invited", email, mailed: true });
    const message = sink.messages.find((m) => JSON.stringify(m.to).includes(email));
    expect(message?.subject).toContain(program.name);
    expect(message?.text).toContain(state.status === "invited" ? state.link : "?");
    expect(state.status === "invited" && state.link).toMatch(
      /^https:\/\/ab\.example\.test\/invitations\/\S+$/,
    );

    const again = await inviteMemberAction.on(db)(
      program.slug,
      idle,
      formData({ email, role: "viewer" }),
    );
    expect(again).toMatchObject({
      status: "error",
      field: "email",
      message: expect.stringContaining("open invitation"),
    });
    const bad = await inviteMemberAction.on(db)(
      program.slug,
      idle,
      formData({ email: "not an email", role: "boss" }),
    );
    expect(bad).toMatchObject({ status: "error", field: "email" });
    expect(await db.prisma.invitation.count({ where: { programId: program.id } })).toBe(1);
  });

  it("hands the owner the link when the server has no mail", async () => {
    vi.stubEnv("SMTP_URL", "");
    const program = await createProgram(db.prisma);
    session.user = await createMember(db.prisma, program.id, "owner");
    const state = await inviteMemberAction.on(db)(
      program.slug,
      idle,
      formData({ email: `n-${unique()}@example.test`, role: "viewer" }),
    );
    expect(state).toMatchObject({
      status: "invited",
      mailed: false,
      link: expect.stringContaining("/invitations/"),
    });
  });

  it("refuses managers and viewers, and reaches no other program's invitations or members", async () => {
    vi.stubEnv("SMTP_URL", sink.url);
    const program = await createProgram(db.prisma);
    const owner = await createMember(db.prisma, program.id, "owner");
    const made = await createInvitation(db.prisma, {
      programId: program.id,
      email: `o-${unique()}@example.test`,
      role: "viewer",
      actor: owner,
    });
    const invitationId = made.ok ? String(made.invitationId) : "0";
    for (const role of ["manager", "viewer"] as const) {
      session.user = await createMember(db.prisma, program.id, role);
      const refusal = "Only program owners can manage members and invitations.";
      expect(
        await inviteMemberAction.on(db)(
          program.slug,
          idle,
          formData({ email: "x@example.test", role: "owner" }),
        ),
      ).toEqual({ status: "error", message: refusal });
      expect(
        await revokeInvitationAction.on(db)(program.slug, formData({ id: invitationId })),
      ).toEqual({ status: "error", message: refusal });
      expect(
        await resendInvitationAction.on(db)(program.slug, formData({ id: invitationId })),
      ).toEqual({ status: "error", message: refusal });
      expect(
        await changeMemberRoleAction.on(db)(
          program.slug,
          formData({ userId: String(owner.id), role: "removed" }),
        ),
      ).toEqual({ status: "error", message: refusal });
    }
    expect(
      await db.prisma.membership.findUnique({
        where: { programId_userId: { programId: program.id, userId: owner.id } },
      }),
    ).toMatchObject({ role: "owner" });

    // The owner of another program names this program's ids with their own slug.
    const other = await createProgram(db.prisma);
    session.user = await createMember(db.prisma, other.id, "owner");
    expect(await revokeInvitationAction.on(db)(other.slug, formData({ id: invitationId }))).toEqual(
      { status: "error", message: "This invitation is no longer open." },
    );
    expect(await resendInvitationAction.on(db)(other.slug, formData({ id: invitationId }))).toEqual(
      { status: "error", message: "This invitation is no longer open." },
    );
    expect(
      await changeMemberRoleAction.on(db)(
        other.slug,
        formData({ userId: String(owner.id), role: "viewer" }),
      ),
    ).toEqual({ status: "error", message: "Not a member of this program." });
    const open = await db.prisma.invitation.findFirstOrThrow({ where: { programId: program.id } });
    expect(open.revokedAt).toBeNull();
  });

  it("an owner resends, revokes, changes roles and removes; the last owner stays", async () => {
    vi.stubEnv("SMTP_URL", sink.url);
    const program = await createProgram(db.prisma);
    const owner = await createMember(db.prisma, program.id, "owner");
    session.user = owner;
    const email = `r-${unique()}@example.test`;
    await inviteMemberAction.on(db)(program.slug, idle, formData({ email, role: "viewer" }));
    const invitation = await db.prisma.invitation.findFirstOrThrow({
      where: { programId: program.id },
    });
    const before = invitation.nonceHash;
    expect(
      await resendInvitationAction.on(db)(program.slug, formData({ id: String(invitation.id) })),
    ).toEqual({ status: "saved", message: `Sent a new link to ${email}.` });
    expect(
      (await db.prisma.invitation.findFirstOrThrow({ where: { programId: program.id } })).nonceHash,
    ).not.toBe(before);
    expect(
      await revokeInvitationAction.on(db)(program.slug, formData({ id: String(invitation.id) })),
    ).toEqual({ status: "saved", message: "Invitation revoked." });
    expect(
      await revokeInvitationAction.on(db)(program.slug, formData({ id: String(invitation.id) })),
    ).toEqual({ status: "error", message: "This invitation is no longer open." });

    const viewer = await createMember(db.prisma, program.id, "viewer");
    const group = await db.prisma.group.create({
      data: { programId: program.id, key: "g", name: "G", slug: "g" },
    });
    await db.prisma.partnership.create({
      data: {
        programId: program.id,
        partnerKey: "pk",
        firstName: "P",
        lastName: "K",
        email: "p@x.test",
        groupId: group.id,
        managerUserId: viewer.id,
      },
    });
    expect(
      await changeMemberRoleAction.on(db)(
        program.slug,
        formData({ userId: String(viewer.id), role: "manager" }),
      ),
    ).toEqual({ status: "saved", message: "Role changed to manager." });
    expect(
      await changeMemberRoleAction.on(db)(
        program.slug,
        formData({ userId: String(owner.id), role: "viewer" }),
      ),
    ).toEqual({ status: "error", message: expect.stringContaining("last owner") });
    // Removing someone who manages partnerships leaves those partnerships without a manager. The
    // row's Remove button sends intent=remove beside the role select's value, as a browser does.
    expect(
      await changeMemberRoleAction.on(db)(
        program.slug,
        formData({ userId: String(viewer.id), role: "manager", intent: "remove" }),
      ),
    ).toEqual({ status: "saved", message: "Removed from the program." });
    expect(
      await db.prisma.membership.count({ where: { programId: program.id, userId: viewer.id } }),
    ).toBe(0);
    expect(
      (await db.prisma.partnership.findFirstOrThrow({ where: { programId: program.id } }))
        .managerUserId,
    ).toBeNull();
    for (const bad of [
      { userId: "abc", role: "viewer" },
      { userId: String(owner.id), role: "boss" },
    ]) {
      expect(await changeMemberRoleAction.on(db)(program.slug, formData(bad))).toEqual({
        status: "error",
        field: expect.any(String),
        message: expect.any(String),
      });
    }
  });
});
