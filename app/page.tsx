import { redirect } from "next/navigation";
import { SIGN_IN_PATH } from "@/lib/auth/auth-options";
import { getCurrentUser } from "@/lib/auth/get-current-user";
import { getDatabase } from "@/lib/db/client";
import { listMemberPrograms } from "@/lib/programs/list-member-programs";
import { SignOutButton } from "@/components/shell/sign-out-button";

// `/` sends a member to their first program's Actions tab.
export default async function HomePage() {
  const user = await getCurrentUser();
  if (!user) redirect(SIGN_IN_PATH);
  const programs = await listMemberPrograms((await getDatabase()).prisma, user.id);
  if (programs.length > 0) redirect(`/p/${programs[0].slug}/actions`);
  return (
    <main className="mx-auto max-w-lg p-8">
      <h1 className="text-xl font-semibold">No programs yet</h1>
      <p className="mt-2 text-sm text-gray-600 dark:text-gray-400">
        You are signed in as {user.email}, but you are not a member of any partner program. Ask a
        program owner to invite you (Members page): the invitation email holds a link that adds you.
      </p>
      <div className="mt-4 flex items-center gap-3">
        <a href="/account" className="text-sm text-blue-700 underline dark:text-blue-400">
          Your account
        </a>
        <SignOutButton />
      </div>
    </main>
  );
}
