import type { ReactNode } from "react";
import { AppShell } from "@/components/shell/app-shell";
import { getDatabase } from "@/lib/db/client";
import { countFailedSchedules } from "@/lib/deliveries/count-failed-schedules";
import { listMemberPrograms } from "@/lib/programs/list-member-programs";
import { requireProgramAccess } from "@/lib/programs/require-program-access";

export default async function ProgramLayout({
  children,
  params,
}: {
  children: ReactNode;
  params: Promise<{ slug: string }>;
}) {
  const [{ slug }, { prisma }] = await Promise.all([params, getDatabase()]);
  const access = await requireProgramAccess(prisma, slug);
  const [programs, failedDeliveries] = await Promise.all([
    listMemberPrograms(prisma, access.user.id),
    countFailedSchedules(prisma, access.program.id),
  ]);
  return (
    <AppShell
      program={access.program}
      programs={programs}
      user={access.user}
      role={access.role}
      failedDeliveries={failedDeliveries}
    >
      {children}
    </AppShell>
  );
}
