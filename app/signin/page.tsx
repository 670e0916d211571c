import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { getCurrentUser } from "@/lib/auth/get-current-user";
import { getDatabase } from "@/lib/db/client";
import { needsSetup } from "@/lib/setup/needs-setup";
import { OIDC_PROVIDER_ID } from "@/lib/auth/oidc-provider";
import { safeCallbackUrl } from "@/lib/auth/safe-callback-url";
import { signInErrorMessage } from "@/lib/auth/sign-in-error-message";
import { config } from "@/lib/config/config.mjs";
import { SignInForm } from "./sign-in-form";
import { SingleSignOnButton } from "./single-sign-on-button";

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
  const { oidc, passwordSignIn } = config().signIn;
  // Where a refused or failed sign-in came back to (next-auth's error page is this page).
  const problem = signInErrorMessage(typeof params.error === "string" ? params.error : undefined);
  return (
    <main className="flex min-h-screen items-center justify-center p-4">
      <div className="w-full max-w-sm rounded-lg border border-gray-200 bg-white p-8 shadow-sm dark:border-gray-800 dark:bg-gray-900">
        <h1 className="text-xl font-semibold">Sign in to Actionboard</h1>
        <p className="mt-1 text-sm text-gray-500 dark:text-gray-400">
          Partner program analytics for your team.
        </p>
        {problem && (
          <p
            role="alert"
            className="mt-4 rounded-md border border-red-200 bg-red-50 p-3 text-sm text-red-700 dark:border-red-900 dark:bg-red-950 dark:text-red-300"
          >
            {problem}
          </p>
        )}
        {oidc && (
          <SingleSignOnButton
            providerId={OIDC_PROVIDER_ID}
            name={oidc.name}
            callbackUrl={callbackUrl}
          />
        )}
        {oidc && passwordSignIn && (
          <p className="mt-6 flex items-center gap-3 text-xs uppercase text-gray-500 before:h-px before:flex-1 before:bg-gray-200 after:h-px after:flex-1 after:bg-gray-200 dark:text-gray-400 dark:before:bg-gray-800 dark:after:bg-gray-800">
            or
          </p>
        )}
        {passwordSignIn && <SignInForm callbackUrl={callbackUrl} />}
      </div>
    </main>
  );
}
