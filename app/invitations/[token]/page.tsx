import type { Metadata } from "next";
import Link from "next/link";
import { SignOutButton } from "@/components/shell/sign-out-button";
import { AuthCard } from "@/components/ui/auth-card";
import { buttonClass } from "@/components/ui/styles";
import { getCurrentUser } from "@/lib/auth/get-current-user";
import { getDatabase } from "@/lib/db/client";
import { readInvitation } from "@/lib/invitations/read-invitation";
import { AcceptForm } from "./accept-form";

export const metadata: Metadata = { title: "Invitation" };

/** An invitation's link: signed out it offers an account (or sign-in); signed in, it joins. */
export default async function InvitationPage({ params }: { params: Promise<{ token: string }> }) {
  const { token } = await params;
  const [state, user] = await Promise.all([
    getDatabase().then((db) => readInvitation(db.prisma, token)),
    getCurrentUser(),
  ]);
  if (!state.ok) {
    return (
      <AuthCard title="This invitation does not work">
        <p role="alert" className="mt-4 text-sm">
          {state.reason}
        </p>
        <p className="mt-4 text-sm">
          <Link
            href={user ? "/" : "/signin"}
            className="text-blue-700 underline dark:text-blue-400"
          >
            {user ? "Go to your programs" : "Sign in"}
          </Link>
        </p>
      </AuthCard>
    );
  }
  const { invitation, program } = state;
  const title = `Join ${program.name}`;
  const intro = `You are invited as ${invitation.role} with ${invitation.email}.`;
  if (user && user.email !== invitation.email) {
    return (
      <AuthCard title={title} intro={intro}>
        <p role="alert" className="mt-4 text-sm">
          This invitation is for {invitation.email}, and you are signed in as {user.email}. Sign
          out, then open the link again.
        </p>
        <div className="mt-4">
          <SignOutButton />
        </div>
      </AuthCard>
    );
  }
  if (!user && state.accountExists) {
    const back = `/invitations/${token}`;
    return (
      <AuthCard title={title} intro={intro}>
        <p className="mt-4 text-sm">
          {invitation.email} has an Actionboard account. Sign in to join.
        </p>
        <Link
          href={`/signin?callbackUrl=${encodeURIComponent(back)}`}
          className={`mt-4 inline-block ${buttonClass}`}
        >
          Sign in to join
        </Link>
      </AuthCard>
    );
  }
  return (
    <AuthCard title={title} intro={intro}>
      <AcceptForm
        token={token}
        email={invitation.email}
        programName={program.name}
        newAccount={!user}
      />
    </AuthCard>
  );
}
