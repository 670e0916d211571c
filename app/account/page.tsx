import type { Metadata } from "next";
import Link from "next/link";
import { redirect } from "next/navigation";
import { PageHeader } from "@/components/ui/page-header";
import { cardClass } from "@/components/ui/styles";
import { SIGN_IN_PATH } from "@/lib/auth/auth-options";
import { getCurrentUser } from "@/lib/auth/get-current-user";
import { PasswordForm } from "./_components/password-form";
import { ProfileForm } from "./_components/profile-form";
import { SignOutEverywhere } from "./_components/sign-out-everywhere";

export const metadata: Metadata = { title: "Your account" };

export default async function AccountPage() {
  const user = await getCurrentUser();
  if (!user) redirect(`${SIGN_IN_PATH}?callbackUrl=/account`);
  return (
    <main className="mx-auto max-w-2xl space-y-6 p-4 sm:p-8">
      <p className="text-sm">
        <Link href="/" className="text-blue-700 underline dark:text-blue-400">
          ← Your programs
        </Link>
      </p>
      <PageHeader title="Your account" description={`Signed in as ${user.email}.`} />
      <section aria-labelledby="profile" className={`${cardClass} p-4`}>
        <h2 id="profile" className="mb-3 font-medium">
          Name and email
        </h2>
        <ProfileForm name={user.name} email={user.email} />
      </section>
      <section aria-labelledby="password" className={`${cardClass} p-4`}>
        <h2 id="password" className="mb-3 font-medium">
          Password
        </h2>
        <PasswordForm />
      </section>
      <section aria-labelledby="sessions" className={`${cardClass} p-4`}>
        <h2 id="sessions" className="mb-1 font-medium">
          Sessions
        </h2>
        <p className="mb-3 text-sm text-gray-600 dark:text-gray-400">
          Lost a laptop, or signed in on a shared computer? End every session of your account.
        </p>
        <SignOutEverywhere />
      </section>
    </main>
  );
}
