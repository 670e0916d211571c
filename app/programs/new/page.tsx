import type { Metadata } from "next";
import Link from "next/link";
import { redirect } from "next/navigation";
import { StatusPage } from "@/components/ui/status-page";
import { cardClass } from "@/components/ui/styles";
import { SIGN_IN_PATH } from "@/lib/auth/auth-options";
import { getCurrentUser } from "@/lib/auth/get-current-user";
import { getDatabase } from "@/lib/db/client";
import { ownsAProgram } from "@/lib/programs/owns-a-program";
import { programChoices } from "@/lib/programs/program-choices";
import { NewProgramForm } from "./_components/new-program-form";

export const metadata: Metadata = { title: "New program" };

// Owners of a program create further ones (the rule: `ownsAProgram`).
export default async function NewProgramPage() {
  const user = await getCurrentUser();
  if (!user) redirect(`${SIGN_IN_PATH}?callbackUrl=${encodeURIComponent("/programs/new")}`);
  const { prisma } = await getDatabase();
  if (!(await ownsAProgram(prisma, user.id))) {
    return (
      <StatusPage
        status="Owners only"
        statusClass="text-amber-700"
        title="You cannot create programs"
      >
        Only owners of a program can create further programs. Ask an owner of your team’s program to
        create it, or to make you an owner.
      </StatusPage>
    );
  }
  return (
    <main className="mx-auto max-w-2xl space-y-4 p-6">
      <Link href="/" className="text-sm text-blue-600 hover:underline">
        ← Back to my programs
      </Link>
      <h1 className="text-2xl font-semibold">New program</h1>
      <p className="text-sm text-gray-600 dark:text-gray-400">
        A separate partner program with its own partners, actions, API keys and members. You will be
        its owner.
      </p>
      <div className={`${cardClass} p-4`}>
        <NewProgramForm choices={programChoices()} />
      </div>
    </main>
  );
}
