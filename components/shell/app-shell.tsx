import type { ReactNode } from "react";
import type { MemberProgram } from "@/lib/programs/list-member-programs";
import type { Role } from "@/lib/programs/roles";
import { ProgramNav } from "./program-nav";
import { ProgramSwitcher } from "./program-switcher";
import { UserMenu } from "./user-menu";

export function AppShell({
  program,
  programs,
  user,
  role,
  failedDeliveries,
  children,
}: {
  program: { slug: string; name: string };
  /** The signed-in member's role here: the nav offers only what it may open. */
  role: Role;
  failedDeliveries?: number;
  programs: MemberProgram[];
  user: { name: string; email: string };
  children: ReactNode;
}) {
  return (
    <div className="min-h-screen">
      <header className="border-b border-gray-200 bg-white dark:border-gray-800 dark:bg-gray-900">
        <div className="mx-auto flex max-w-7xl flex-wrap items-center gap-x-2 gap-y-2 px-4 py-2 sm:gap-x-4">
          <span className="text-sm font-bold text-blue-600">Actionboard</span>
          <ProgramSwitcher current={program} programs={programs} />
          <div className="order-last w-full sm:order-none sm:w-auto sm:flex-1">
            <ProgramNav slug={program.slug} role={role} failedDeliveries={failedDeliveries} />
          </div>
          <div className="ml-auto sm:ml-0">
            <UserMenu user={user} />
          </div>
        </div>
      </header>
      <main className="mx-auto max-w-7xl px-4 py-6">{children}</main>
    </div>
  );
}
