import type { Metadata } from "next";
import Link from "next/link";
import { readPasswordReset } from "@/lib/accounts/read-password-reset";
import { getDatabase } from "@/lib/db/client";
import { AuthCard } from "@/components/ui/auth-card";
import { ResetPasswordForm } from "./reset-password-form";

export const metadata: Metadata = { title: "Choose a new password" };

export default async function ResetPasswordPage({
  params,
}: {
  params: Promise<{ token: string }>;
}) {
  const { token } = await params;
  const state = await readPasswordReset((await getDatabase()).prisma, token);
  if (!state.ok) {
    return (
      <AuthCard title="This link does not work">
        <p role="alert" className="mt-4 text-sm">
          {state.reason}
        </p>
        <p className="mt-4 text-sm">
          <Link href="/forgot-password" className="text-blue-700 underline dark:text-blue-400">
            Ask for a new link
          </Link>
        </p>
      </AuthCard>
    );
  }
  return (
    <AuthCard title="Choose a new password" intro={`For ${state.email}.`}>
      <ResetPasswordForm token={token} email={state.email} />
    </AuthCard>
  );
}
