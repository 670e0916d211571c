import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { AuthCard } from "@/components/ui/auth-card";
import { getDatabase } from "@/lib/db/client";
import { programChoices } from "@/lib/programs/program-choices";
import { needsSetup } from "@/lib/setup/needs-setup";
import { setupTokenMatches } from "@/lib/setup/setup-token";
import { SetupForm } from "./setup-form";

export const metadata: Metadata = { title: "Set up Actionboard" };

/** First run only: gone (404) for everyone once any account exists. */
export default async function SetupPage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  if (!(await needsSetup((await getDatabase()).prisma))) notFound();
  const { token } = await searchParams;
  if (!setupTokenMatches(token)) {
    return (
      <AuthCard title="Set up Actionboard" wide>
        <div className="mt-4 space-y-3 text-sm">
          {token !== undefined && (
            <p role="alert" className="text-red-700 dark:text-red-400">
              This setup link is not valid.
            </p>
          )}
          <p>
            This Actionboard has no account yet. To make sure only its operator can claim it, setup
            needs the one-time link the server printed to its log when it started (it ends in{" "}
            <code>/setup?token=…</code>).
          </p>
          <p>
            Restarted the server? Each start prints a new link, unless <code>SETUP_TOKEN</code> is
            set. You can also create the first owner with <code>npm run admin -- create-user</code>.
          </p>
        </div>
      </AuthCard>
    );
  }
  return (
    <AuthCard
      title="Set up Actionboard"
      wide
      intro="Create the first owner and your first program. You can invite your team next."
    >
      <SetupForm token={token as string} choices={programChoices()} />
    </AuthCard>
  );
}
