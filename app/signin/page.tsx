import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { getCurrentUser } from "@/lib/auth/get-current-user";
import { getDatabase } from "@/lib/db/client";
import { needsSetup } from "@/lib/setup/needs-setup";
import { safeCallbackUrl } from "@/lib/auth/safe-callback-url";
import { SignInForm } from "./sign-in-form";

export const metadata: Metadata = { title: "Sign in" };

export default async function SignInPage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const params = await searchParams;
  const callbackUrl = safeCallbackUrl(
    typeof params.callbackUrl === "string" ? params.callbackUrl : undefined,
  );
  if (await getCurrentUser()) redirect(callbackUrl);
  // No account yet: every page leads here (signed out), and from here to the first-run setup.
  if (await needsSetup((await getDatabase()).prisma)) redirect("/setup");
  return (
    <main className="flex min-h-screen items-center justify-center p-4">
      <div className="w-full max-w-sm rounded-lg border border-gray-200 bg-white p-8 shadow-sm dark:border-gray-800 dark:bg-gray-900">
        <h1 className="text-xl font-semibold">Sign in to Actionboard</h1>
        <p className="mt-1 text-sm text-gray-500 dark:text-gray-400">
          Partner program analytics for your team.
        </p>
        <SignInForm callbackUrl={callbackUrl} />
      </div>
    </main>
  );
}
