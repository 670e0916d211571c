import type { ReactNode } from "react";
import { AppShell } from "@/components/shell/app-shell";
import { listMemberPrograms } from "@/lib/programs/list-member-programs";
import { requireProgramAccess } from "@/lib/programs/require-program-access";

export default async function ProgramLayout({
  children,
  params,
}: {
  children: ReactNode;
  params: Promise<{ slug: string }>;
}) {
  const { slug } = await params;
  const access = await requireProgramAccess(slug);
  const programs = await listMemberPrograms(access.user.id);
  return (
    <AppShell program={access.program} programs={programs} user={access.user}>
      {children}
    </AppShell>
  );
}
